// Progressive enhancements only: every page works without this file.
(function () {
  'use strict';

  // Filter forms are GET forms: leave empty and default-valued fields out of the query string,
  // so shared links stay short (/Orders?status=Confirmed rather than /Orders?search=&status=Confirmed&from=...).
  document.querySelectorAll('form[method="get"]').forEach(function (form) {
    form.addEventListener('submit', function () {
      Array.prototype.forEach.call(form.elements, function (field) {
        if (!field.name) {
          return;
        }
        var isDefault = field.dataset.default !== undefined && field.value === field.dataset.default;
        if (field.value === '' || isDefault) {
          field.disabled = true;
        }
      });
    });
  });

  // Fields disabled above come back when the browser restores the page from its back/forward cache.
  window.addEventListener('pageshow', function () {
    document.querySelectorAll('form[method="get"] [disabled]').forEach(function (field) {
      field.disabled = false;
    });
  });

  // A second click on a sign-in or sign-out button while the first request is under way does nothing.
  document.querySelectorAll('form[method="post"]').forEach(function (form) {
    form.addEventListener('submit', function (event) {
      if (form.dataset.submitting === 'true') {
        event.preventDefault();
        return;
      }
      form.dataset.submitting = 'true';
    });
  });
  window.addEventListener('pageshow', function () {
    document.querySelectorAll('form[data-submitting]').forEach(function (form) {
      delete form.dataset.submitting;
    });
  });
})();
