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

// Items step: adds, quick entry and line changes post with fetch and replace only the parts of the page
// that changed (the messages, the lines, the form's own section), so the search results and the scroll
// position stay. The server answers as it does without JavaScript (a redirect back to the page, or the
// page with its errors); the parts are taken from that answer by id. "Next" still navigates.
(function () {
  'use strict';

  var forms = document.querySelectorAll('form[data-enhance]');
  if (!forms.length || !window.fetch || !window.DOMParser) {
    return;
  }

  function replaceRegion(next, id) {
    var current = document.getElementById(id);
    var fresh = next.getElementById(id);
    if (current && fresh) {
      current.replaceWith(document.importNode(fresh, true));
    }
  }

  function enhance(form) {
    form.addEventListener('submit', function (event) {
      var submitter = event.submitter;
      if (form.hasAttribute('data-plain') || (submitter && submitter.name === 'next')) {
        return;
      }
      event.preventDefault();
      var data = new FormData(form, submitter || undefined);
      var action = (submitter && submitter.hasAttribute('formaction')) ? submitter.formAction : form.action;
      var buttons = form.querySelectorAll('button');
      buttons.forEach(function (button) { button.disabled = true; });
      var section = form.closest('[data-live]');
      fetch(action, { method: 'POST', body: data, credentials: 'same-origin', headers: { Accept: 'text/html' } })
        .then(function (response) {
          if (!response.ok) {
            throw new Error(String(response.status));
          }
          return response.text().then(function (html) { return { html: html, redirected: response.redirected }; });
        })
        .then(function (answer) {
          var next = new DOMParser().parseFromString(answer.html, 'text/html');
          replaceRegion(next, 'item-messages');
          replaceRegion(next, 'lines-section');
          // A search result's add that went through leaves the results as they are.
          if (section && section.id && section.id !== 'lines-section' && !(answer.redirected && form.hasAttribute('data-keep-search'))) {
            replaceRegion(next, section.id);
          }
          document.querySelectorAll('form[data-enhance]:not([data-enhanced])').forEach(enhance);
          var messages = document.getElementById('item-messages');
          if (messages && messages.firstElementChild) {
            messages.firstElementChild.setAttribute('tabindex', '-1');
          }
        })
        .catch(function () {
          // Whatever went wrong, the plain post still works.
          form.setAttribute('data-plain', '');
          form.requestSubmit(submitter || undefined);
        })
        .finally(function () {
          buttons.forEach(function (button) { if (button.isConnected) { button.disabled = false; } });
        });
    });
    form.setAttribute('data-enhanced', '');
  }

  forms.forEach(enhance);
})();

// Review step: the submit shows that it is working and cannot be clicked twice (the server refuses a
// second submit of the same draft anyway).
(function () {
  'use strict';

  var button = document.getElementById('submit-order');
  if (!button || !button.form) {
    return;
  }
  button.form.addEventListener('submit', function () {
    window.setTimeout(function () {
      button.disabled = true;
      button.setAttribute('aria-busy', 'true');
      button.textContent = button.dataset.busyText || button.textContent;
    }, 0);
  });
})();
