// Ordering enhancements; the order flow works without this file (plain search form, datalist left empty).
(function () {
  'use strict';

  // Typeahead: fill the item number's datalist from the same search the no-JavaScript form uses.
  var input = document.querySelector('input[data-suggest-url]');
  var list = input && document.getElementById(input.getAttribute('list'));
  if (input && list) {
    var timer = 0;
    var lastTerm = '';
    input.addEventListener('input', function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(function () {
        var term = input.value.trim();
        if (term.length < 2 || term === lastTerm) {
          return;
        }
        lastTerm = term;
        var url = input.dataset.suggestUrl + (input.dataset.suggestUrl.indexOf('?') < 0 ? '?' : '&') + 'term=' + encodeURIComponent(term);
        fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
          .then(function (response) { return response.ok ? response.json() : []; })
          .then(function (items) {
            list.replaceChildren.apply(list, items.map(function (item) {
              var option = document.createElement('option');
              option.value = item.itemNumber;
              option.label = item.label;
              option.textContent = item.label;
              return option;
            }));
          })
          .catch(function () { /* the plain search form still works */ });
      }, 200);
    });
  }
})();
