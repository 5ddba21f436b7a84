// A thread page sent back with a problem in a reply puts the cursor in that reply box. (After
// logging in from "Reply" the address ends in #reply-<id>, and the browser focuses the box itself.)
const box = document.querySelector('textarea[data-focus]:not([data-focus="false"])');
if (box) {
  box.focus({ preventScroll: true });
  box.setSelectionRange(box.value.length, box.value.length);
}
