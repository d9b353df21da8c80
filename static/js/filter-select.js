// A search field above a long list (siblings among ~500 children, carers when placing a child):
// typing narrows the list's options, accents and case aside. Progressive enhancement: without
// this script the list is the same <select>, and the server validates the choice either way.
// The texts come from the widget's data attributes (welfare.forms.choices), in French.
(function () {
  "use strict";

  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  function enhance(select) {
    var options = Array.prototype.slice.call(select.options);
    var total = options.filter(function (option) {
      return option.value;
    }).length;
    var label = document.querySelector('label[for="' + select.id + '"]');
    var field = document.createElement("input");
    field.type = "search";
    field.id = select.id + "-recherche";
    field.className = "form-control mb-1";
    field.autocomplete = "off";
    field.setAttribute("aria-controls", select.id);
    var fieldLabel = document.createElement("label");
    fieldLabel.htmlFor = field.id;
    fieldLabel.className = "form-label small mb-1";
    fieldLabel.textContent =
      select.dataset.filterLabel + (label ? " : " + label.textContent.replace("*", "").trim() : "");
    var status = document.createElement("p");
    status.className = "form-text mt-0 mb-1";
    status.setAttribute("role", "status");
    select.before(fieldLabel, field, status);

    field.addEventListener("input", function () {
      var words = fold(field.value).split(/\s+/).filter(Boolean);
      var shown = 0;
      options.forEach(function (option) {
        // A chosen option stays in the list: a removed one would not be sent with the form.
        var keep =
          !option.value ||
          option.selected ||
          words.every(function (word) {
            return fold(option.text).indexOf(word) !== -1;
          });
        if (keep) {
          select.appendChild(option);
          if (option.value) {
            shown += 1;
          }
        } else {
          option.remove();
        }
      });
      status.textContent = words.length
        ? select.dataset.filterCount.replace("%(shown)s", shown).replace("%(total)s", total)
        : "";
    });
  }

  document.querySelectorAll("select[data-filter-label]").forEach(enhance);
})();
