// highlight.js's core.js is a CommonJS file: it assigns module.exports, which lesson.js reads.
// A file rather than an inline script, so the Content-Security-Policy needs no exception for it.
var module = { exports: {} };
