// khabar web page: explanations on hover and keyboard focus for every element with data-tip.
// The tooltip's text is set with textContent, never as HTML: explanations come from untrusted articles.
(function () {
  "use strict";
  var tip = null;
  var current = null;

  function show(target) {
    if (!tip) { tip = document.getElementById("tip"); }
    if (!tip) { return; }
    current = target;
    tip.textContent = target.getAttribute("data-tip");
    tip.hidden = false;
    target.setAttribute("aria-describedby", "tip");
    var box = target.getBoundingClientRect();
    var top = window.scrollY + box.bottom + 6;
    var right = document.documentElement.clientWidth - (window.scrollX + box.right);
    tip.style.top = top + "px";
    tip.style.right = Math.max(4, right) + "px";
  }

  function hide(target) {
    if (!tip || current !== target) { return; }
    tip.hidden = true;
    target.removeAttribute("aria-describedby");
    current = null;
  }

  function annotated(event) {
    return event.target && event.target.closest ? event.target.closest("[data-tip]") : null;
  }

  document.addEventListener("mouseover", function (event) {
    var target = annotated(event);
    if (target) { show(target); }
  });
  document.addEventListener("mouseout", function (event) {
    var target = annotated(event);
    if (target && !target.contains(event.relatedTarget)) { hide(target); }
  });
  document.addEventListener("focusin", function (event) {
    var target = annotated(event);
    if (target) { show(target); }
  });
  document.addEventListener("focusout", function (event) {
    var target = annotated(event);
    if (target) { hide(target); }
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && current) { hide(current); }
  });
})();
