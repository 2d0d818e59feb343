// @ts-check
// The reader's text size (标准 / 大 / 特大), remembered across pages. Loaded as a plain blocking script in <head>, so
// the size is on <html> before the first paint and nothing jumps; the CSP allows no inline script, hence this file.
// Without it (or without storage) the page is whole at the browser's own size, and the buttons stay hidden.
(function () {
  /** @type {readonly string[]} */
  var SIZES = ['standard', 'large', 'larger'];
  var KEY = 'text-size';
  var root = document.documentElement;

  /** @returns {string} */
  function stored() {
    try {
      var value = window.localStorage.getItem(KEY);
      return value !== null && SIZES.indexOf(value) >= 0 ? value : 'standard';
    } catch (error) {
      return 'standard';
    }
  }

  /** @param {string} size */
  function apply(size) {
    root.setAttribute('data-text-size', size);
    var buttons = document.querySelectorAll('[data-text-size-choice]');
    for (var i = 0; i < buttons.length; i++) {
      var button = buttons[i];
      button.setAttribute('aria-pressed', String(button.getAttribute('data-text-size-choice') === size));
    }
  }

  apply(stored());

  document.addEventListener('click', function (event) {
    var target = event.target instanceof Element ? event.target.closest('[data-text-size-choice]') : null;
    if (target === null) return;
    var size = target.getAttribute('data-text-size-choice') || 'standard';
    try {
      window.localStorage.setItem(KEY, size);
    } catch (error) {
      // Private browsing may refuse storage: the size still applies to this page.
    }
    apply(size);
  });
  document.addEventListener('DOMContentLoaded', function () {
    apply(stored());
  });
})();
