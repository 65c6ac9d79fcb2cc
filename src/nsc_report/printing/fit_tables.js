// Run before printing (pdf.py), after the print stylesheet. A table wider than the text block
// makes Chromium shrink EVERY page to fit it (the cover is then no longer full-bleed), and a
// table's columns can be no narrower than their longest words. So each table that is still
// too wide is set smaller, half a point at a time, down to 6 pt; if it still does not fit,
// its words may break anywhere. Returns the ids of the tables it changed.
(root) => {
  const block = document.querySelector(root);
  if (!block) return [];
  const right = block.getBoundingClientRect().right + 0.5;
  const changed = [];
  block.querySelectorAll('table').forEach(table => {
    const wide = () => table.getBoundingClientRect().right > right ||
                       table.scrollWidth > Math.ceil(table.getBoundingClientRect().width) + 1;
    if (!wide()) return;
    let size = parseFloat(getComputedStyle(table).fontSize) * 0.75;  // CSS px to points
    while (wide() && size > 6) {
      size = Math.max(6, size - 0.5);
      table.style.setProperty('font-size', size + 'pt', 'important');
      table.querySelectorAll('th, td, caption').forEach(
        cell => cell.style.setProperty('font-size', 'inherit', 'important'));
    }
    if (wide()) {
      table.querySelectorAll('th, td, caption').forEach(
        cell => cell.style.setProperty('overflow-wrap', 'anywhere', 'important'));
    }
    changed.push(table.id || 'table ' + changed.length);
  });
  return changed;
}
