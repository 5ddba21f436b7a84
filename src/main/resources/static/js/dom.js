// A tiny helper for building result and feedback markup: text always goes in as text, never as HTML.
export function el(tag, className, content) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (content instanceof Node) node.append(content);
  else if (content !== undefined && content !== null) node.textContent = content;
  return node;
}
