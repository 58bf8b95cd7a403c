// "Add to order" without leaving the page (issue 13). Every form works without this file: the post then
// comes back to the same page at the row, with the result. With it, the same form is posted by fetch to the
// same handler, which answers JSON: the result goes to the polite live region, the header's summary is updated,
// and the page neither reloads nor scrolls.
(function () {
  'use strict';

  var status = document.getElementById('add-to-order-status');
  var summary = document.getElementById('current-draft');
  if (!status || !summary) {
    return;
  }

  function closeButton() {
    var button = document.createElement('button');
    button.type = 'button';
    button.className = 'btn-close ms-auto';
    button.setAttribute('aria-label', status.dataset.close);
    button.addEventListener('click', function () {
      status.replaceChildren();
    });
    return button;
  }

  function show(added, message, draftUrl) {
    var alert = document.createElement('div');
    alert.className = 'alert shadow-sm mb-0 ' + (added ? 'alert-success' : 'alert-danger');
    var text = document.createElement('span');
    text.className = 'add-to-order-message';
    text.textContent = message;
    alert.appendChild(text);
    if (draftUrl) {
      var link = document.createElement('a');
      link.className = 'alert-link ms-1';
      link.href = draftUrl;
      link.textContent = status.dataset.view;
      alert.appendChild(link);
    }
    alert.appendChild(closeButton());
    status.replaceChildren(alert);
  }

  // The message a redirect brought gets its close button too.
  var rendered = status.querySelector('.alert');
  if (rendered) {
    rendered.appendChild(closeButton());
  }

  document.querySelectorAll('form[data-add-to-order]').forEach(function (form) {
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      // site.js marks a submitted form so a second click does nothing; here the page stays, so the form must stay usable.
      delete form.dataset.submitting;
      if (form.dataset.adding === 'true') {
        return;
      }
      form.dataset.adding = 'true';
      fetch(form.action, {
        method: 'POST',
        body: new URLSearchParams(new FormData(form)),
        credentials: 'same-origin',
        headers: { Accept: 'application/json' }
      })
        .then(function (response) {
          var type = response.headers.get('Content-Type') || '';
          return type.indexOf('application/json') >= 0 ? response.json() : null;
        })
        .then(function (answer) {
          if (!answer) {
            show(false, status.dataset.failed, null);
            return;
          }
          show(answer.added, answer.message, answer.draftUrl);
          summary.href = answer.summary.url;
          summary.querySelector('.current-draft-text').textContent = answer.summary.text;
        })
        .catch(function () {
          show(false, status.dataset.failed, null);
        })
        .then(function () {
          delete form.dataset.adding;
        });
    });
  });
})();
