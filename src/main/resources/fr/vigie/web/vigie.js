// After htmx puts an answer in place, move the focus to its title: a screen reader then reads the verdict first,
// as it would on the page a plain form post returns. Nothing else runs here.
document.addEventListener("htmx:afterSwap", function (event) {
  var title = document.querySelector("#answer h2");
  if (title) {
    title.focus();
  }
});
