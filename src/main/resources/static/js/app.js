// Progressive enhancements; every page works without them.
(function () {
  'use strict';

  // A select marked data-autosubmit submits its form when changed (e.g. the checkout address book).
  document.querySelectorAll('select[data-autosubmit]').forEach(function (select) {
    select.addEventListener('change', function () { select.form.submit(); });
  });

  // Billing forms show only the fields of the chosen customer type (data-show-for lists the types, space-separated);
  // the hidden ones are disabled, so a private person's order carries no company name or Partita IVA.
  // The fields all types share (data-party-fields: codice fiscale, address, e-invoice delivery) belong to whoever
  // they were typed for: switching between a private person and a company or public body puts away what was typed
  // for the one, and brings back what was typed for the other in this page (blank the first time).
  document.querySelectorAll('.billing-form').forEach(function (form) {
    var radios = form.querySelectorAll('input[name="customerType"]');
    var partyFields = (form.getAttribute('data-party-fields') || '').split(' ').filter(Boolean)
      .map(function (name) { return form.elements.namedItem(name); }).filter(Boolean);
    var kept = {};
    function typeChosen() {
      var chosen = form.querySelector('input[name="customerType"]:checked');
      return chosen ? chosen.value : 'COMPANY';
    }
    function party(type) { return type === 'PERSON' ? 'person' : 'organisation'; }
    var current = party(typeChosen());
    function sync() {
      var type = typeChosen();
      var now = party(type);
      if (now !== current) {
        kept[current] = partyFields.map(function (input) { return input.value; });
        partyFields.forEach(function (input, i) {
          input.value = kept[now] ? kept[now][i] : '';
        });
        current = now;
      }
      form.querySelectorAll('[data-show-for]').forEach(function (group) {
        group.hidden = group.getAttribute('data-show-for').split(' ').indexOf(type) < 0;
        group.querySelectorAll('input, select, textarea').forEach(function (input) { input.disabled = group.hidden; });
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
  // A checkbox marked data-select-all="name" ticks or clears its form's checkboxes of that name
  // (e.g. every renewable service of the page on "In scadenza").
  document.querySelectorAll('input[data-select-all]').forEach(function (all) {
    all.addEventListener('change', function () {
      all.form.querySelectorAll('input[type="checkbox"][name="' + all.dataset.selectAll + '"]').forEach(function (box) {
        box.checked = all.checked;
      });
    });
  });
})();
