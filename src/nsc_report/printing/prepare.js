// Run in the single-page build before printing (pdf.py): the cover, contents, the report and
// the back cover, with nothing else of the page.
([coverHtml, css, backHtml, siteUrl, downloadNote, noteWithin]) => {
  const style = document.createElement('style');
  style.textContent = css;
  document.head.appendChild(style);
  const article = document.querySelector('article.bd-article');
  // On paper a link to another file of the site (a force page, the map, a download) would
  // point at the print server: keep its text, and after a download write the note (pdf.py's
  // download_note) with its address on the published site where that is known, else its
  // file's name, never a path. Links within the report and to the web stay.
  article.querySelectorAll('a[href]').forEach(a => {
    const url = new URL(a.href, location.href);
    const within = url.pathname === location.pathname && url.hash;
    if (url.origin === location.origin && !within) {
      if (url.pathname.includes('/downloads/')) {
        const note = document.createElement('span');
        note.className = 'nsc-address';
        const file = decodeURIComponent(url.pathname.split('/').pop());
        const where = siteUrl ? siteUrl.replace(/[/]$/, '') + url.pathname : file;
        // Words that end in a bracket ("as a PDF (A4)") take the note inside it: no bracket
        // beside a bracket.
        const last = [...a.childNodes].filter(n => n.nodeType === Node.TEXT_NODE).pop();
        if (noteWithin && last && /\)\s*$/.test(last.textContent)) {
          note.textContent = noteWithin.replace('\ue000', where) + ')';
          last.textContent = last.textContent.replace(/\)\s*$/, '');
          last.after(note);
        } else {
          note.textContent = ' ' + (downloadNote || '').replace('\ue000', where);
          a.after(note);
        }
      }
      a.replaceWith(...a.childNodes);
    }
  });
  // In the single page every document after the first follows a <span id="document-...">.
  const chapters = [...article.querySelectorAll('span[id^="document-"] + section')];
  const titles = chapters.map(s => s.querySelector('h1, h2').textContent.replace(/#$/, '').trim());
  const main = document.createElement('main');
  main.className = 'nsc-print';
  main.innerHTML = coverHtml + `<nav class="nsc-contents" aria-label="Contents">` +
                   `<h2>Contents</h2><ol></ol></nav>`;
  // A title is the heading's text (a force's name among them): set as text, never as markup
  // (textContent has turned '&lt;' back into '<').
  const list = main.querySelector('.nsc-contents ol');
  chapters.forEach((s, i) => {
    const item = document.createElement('li');
    const link = document.createElement('a');
    link.setAttribute('href', '#' + s.id);
    link.textContent = titles[i];
    const dots = document.createElement('span');
    dots.className = 'nsc-toc-dots';
    const number = document.createElement('span');
    number.className = 'nsc-toc-page';
    item.append(link, dots, number);
    list.appendChild(item);
  });
  main.appendChild(article);
  main.insertAdjacentHTML('beforeend', backHtml);
  // Only the report itself is printed: no navigation, buttons or search.
  document.body.replaceChildren(main);
  return titles;
}
