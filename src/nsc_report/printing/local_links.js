// Run in every stand-alone document before it is printed (pdf.py's print_pages: the press
// release, the key findings, the local notes, the briefings, the letters). On paper or in a
// sent PDF a link to another file beside the document resolves to the print server
// (http://127.0.0.1:PORT/...), which is dead for every reader: keep its words, drop the link.
// Links within the document (#note-1) and to the published web stay. Returns how many went.
() => {
  let dropped = 0;
  document.querySelectorAll('a[href]').forEach(a => {
    const url = new URL(a.getAttribute('href'), location.href);
    const within = url.pathname === location.pathname && url.hash;
    if ((url.origin === location.origin || url.protocol === 'file:') && !within) {
      a.replaceWith(...a.childNodes);
      dropped += 1;
    }
  });
  return dropped;
}
