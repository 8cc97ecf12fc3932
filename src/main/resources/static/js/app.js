// Progressive enhancements; every page works without them.
(function () {
  'use strict';

  // A select marked data-autosubmit submits its form when changed (e.g. the checkout address book).
  document.querySelectorAll('select[data-autosubmit]').forEach(function (select) {
    select.addEventListener('change', function () { select.form.submit(); });
  });

  // Billing forms show only the fields of the chosen customer type (data-show-for lists the types, space-separated).
  document.querySelectorAll('.billing-form').forEach(function (form) {
    var radios = form.querySelectorAll('input[name="customerType"]');
    function sync() {
      var chosen = form.querySelector('input[name="customerType"]:checked');
      var type = chosen ? chosen.value : 'COMPANY';
      form.querySelectorAll('[data-show-for]').forEach(function (group) {
        group.hidden = group.getAttribute('data-show-for').split(' ').indexOf(type) < 0;
      });
    }
    radios.forEach(function (radio) { radio.addEventListener('change', sync); });
    sync();
  });

  // A box folded on phones (details marked data-open-wide) starts open where the screen has room for it.
  if (window.matchMedia('(min-width: 768px)').matches) {
    document.querySelectorAll('details[data-open-wide]').forEach(function (details) { details.open = true; });
  }

  // A button marked data-once is disabled after the first submit, so a double click sends one request.
  // The server is idempotent anyway: this only spares a useless round trip.
  document.querySelectorAll('button[data-once]').forEach(function (button) {
    button.form.addEventListener('submit', function () {
      window.setTimeout(function () { button.disabled = true; }, 0);
    });
  });

  // Count down the minutes a handoff code has left.
  document.querySelectorAll('[data-countdown]').forEach(function (el) {
    var left = parseInt(el.getAttribute('data-seconds'), 10);
    function tick() {
      if (left < 0) { return; }
      var m = Math.floor(left / 60), s = left % 60;
      el.textContent = '(' + m + ':' + (s < 10 ? '0' : '') + s + ')';
      left -= 1;
    }
    tick();
    window.setInterval(tick, 1000);
  });

  // Move focus to the error summary so screen readers announce it.
  // and let each of its links put the cursor in its field (a plain #link only scrolls there).
  var summary = document.getElementById('error-summary');
  if (summary) {
    summary.focus();
    summary.addEventListener('click', function (event) {
      var link = event.target.closest('a[href^="#"]');
      var field = link && document.getElementById(decodeURIComponent(link.hash.slice(1)));
      if (field) {
        event.preventDefault();
        field.scrollIntoView({ block: 'center' });
        field.focus();
      }
    });
  }
})();
