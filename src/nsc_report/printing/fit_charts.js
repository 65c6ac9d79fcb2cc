// Run before printing (pdf.py), after the print stylesheet. A chart is an SVG scaled to the
// space the stylesheet gives it (the column's width, a capped height), and its words scale
// with it: a tall chart capped in height printed its labels at 3 to 4 pt. So each chart is
// given a least width, and a cap on its height no lower, at which its smallest text prints at
// 6 pt: a small-typed or tall chart takes more of its page. In CSS px, which print at 96 an
// inch whatever the window's width. Returns the charts whose cap it raised.
(root) => {
  const SMALLEST_PX = 8.1;  // 6 pt is 8 CSS px; a little over, so rounding cannot take it under
  const raised = [];
  document.querySelectorAll(root + ' svg').forEach((svg, i) => {
    const texts = [...svg.querySelectorAll('text')].filter(t => t.textContent.trim());
    const box = svg.viewBox && svg.viewBox.baseVal;
    const width = box && box.width ? box.width : parseFloat(svg.getAttribute('width'));
    const height = box && box.height ? box.height : parseFloat(svg.getAttribute('height'));
    if (!texts.length || !width || !height) return;
    const smallest = Math.min(...texts.map(t => parseFloat(getComputedStyle(t).fontSize)));
    const scale = Math.min(1, SMALLEST_PX / smallest);
    svg.style.setProperty('min-width', (width * scale) + 'px', 'important');
    const cap = parseFloat(getComputedStyle(svg).maxHeight);  // NaN where there is none
    if (cap < height * scale) {
      svg.style.setProperty('max-height', (height * scale) + 'px', 'important');
      raised.push(svg.closest('figure[id]') ? svg.closest('figure[id]').id : 'svg ' + i);
    }
  });
  return raised;
}
