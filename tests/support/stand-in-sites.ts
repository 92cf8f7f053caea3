import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * Two stand-in websites on loopback for the site tests: `allowed` (on `localhost`, put on the
 * profile's list) and `foreign` (on 127.0.0.2, on no list). The allowed one links and redirects to the
 * foreign one, tries to cover and remove Borne's bar, opens a window, serves a PDF, and fills every
 * store a browser keeps for a site (`/keep` reads back what an earlier visit left, `/stubborn` keeps writing),
 * offers a form (`/form`), a long form (`/appointment`), a video call (`/call`) and a download (`/receipt`).
 */
export interface StandInSites {
  allowed: string;
  foreign: string;
  /** An origin on `localhost` where nothing listens: a site that cannot be reached. */
  unreachable: string;
  close(): Promise<void>;
}

const page = (title: string, body: string) =>
  `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>${title}</title></head>`
  + `<body style="margin:0;font:24px sans-serif"><h1 id="top" style="margin:0;padding:8px">${title}</h1>${body}</body></html>`;

// Everything a page can do to put itself above, or rid itself of, an element it did not write.
const COVER_SCRIPT = `
  const foreign = () => [...document.documentElement.children].filter((e) => e !== document.head && e !== document.body);
  const attack = () => {
    for (const e of foreign()) { if (e.matches(':popover-open')) e.hidePopover(); e.remove(); }
    document.documentElement.style.marginTop = '0px';
    const cover = document.createElement('div');
    cover.id = 'cover';
    cover.textContent = 'COVER';
    cover.style.cssText = 'position:fixed;inset:0;z-index:2147483647;background:black;color:white';
    document.body.append(cover);
    const dialog = document.createElement('dialog');
    dialog.id = 'modal';
    dialog.textContent = 'MODAL';
    dialog.style.cssText = 'position:fixed;inset:0;width:100vw;height:100vh;max-width:none;max-height:none;margin:0';
    document.body.append(dialog);
    dialog.showModal();
    const popover = document.createElement('div');
    popover.id = 'popover';
    popover.popover = 'manual';
    popover.textContent = 'POPOVER';
    popover.style.cssText = 'inset:0;width:100vw;height:100vh;margin:0';
    document.body.append(popover);
    popover.showPopover();
    document.body.dataset.attacked = String(Number(document.body.dataset.attacked ?? 0) + 1);
  };
  addEventListener('load', () => setTimeout(attack, 200));
`;

/**
 * Reads back what an earlier visit left in each store (`kind=found` joined by `|`), then fills every
 * store and says so in `body[data-kept]`. The service worker's registration is what it left, too.
 * The last store is HTTP authentication (a login by XMLHttpRequest); `?without-login` leaves it out.
 */
const KEEP_SCRIPT = `
  const openDatabase = () => new Promise((resolve, reject) => {
    const request = indexedDB.open('case-file', 1);
    request.onupgradeneeded = () => request.result.createObjectStore('notes');
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  const authorised = () => fetch('/private/check', { cache: 'no-store' }).then((r) => r.status === 200);
  (async () => {
    const found = {
      cookie: document.cookie !== '',
      localStorage: localStorage.length > 0,
      sessionStorage: sessionStorage.length > 0,
      indexedDB: (await indexedDB.databases()).length > 0,
      caches: (await caches.keys()).length > 0,
      serviceWorker: (await navigator.serviceWorker.getRegistrations()).length > 0,
      httpAuth: await authorised(),
    };
    document.getElementById('kept').textContent = Object.entries(found).map(([kind, was]) => kind + '=' + was).join('|');
    document.cookie = 'case=42; max-age=86400';
    localStorage.setItem('case', '42');
    sessionStorage.setItem('case', '42');
    const database = await openDatabase();
    await new Promise((resolve) => { const t = database.transaction('notes', 'readwrite'); t.objectStore('notes').put('42', 'case'); t.oncomplete = resolve; });
    database.close();
    await (await caches.open('case-file')).put('/case', new Response('42'));
    await navigator.serviceWorker.register('/worker.js');
    await navigator.serviceWorker.ready;
    if (new URLSearchParams(location.search).has('without-login')) return void (document.body.dataset.kept = 'true');
    const login = new XMLHttpRequest();
    login.open('GET', '/private/login', true, 'visitor', 'secret');
    await new Promise((resolve) => { login.onloadend = resolve; login.send(); });
    document.body.dataset.kept = String(login.status === 200 && await authorised());
  })().catch((error) => { document.body.dataset.kept = 'error: ' + error; });
`;

const STUBBORN_SCRIPT = `
  const write = () => {
    document.cookie = 'case=42; max-age=86400';
    localStorage.setItem('case', '42');
    indexedDB.open('stubborn', 1).onsuccess = (event) => event.target.result.close();
  };
  write();
  setInterval(write, 5);
  document.body.dataset.writing = 'true';
`;

// A video call's page: it asks for the camera and microphone at once, and says what it got.
const CALL_PAGE = page('Rendez-vous en visio', `<p id="media">…</p><script>
  navigator.mediaDevices.getUserMedia({ video: true, audio: true }).then(
    (stream) => { document.getElementById('media').textContent = 'camera ' + stream.getVideoTracks().length + ', microphone ' + stream.getAudioTracks().length; },
    (error) => { document.getElementById('media').textContent = 'refused: ' + error.name; });
</script>`);

// The smallest valid PDF: one empty page.
const PDF = '%PDF-1.1\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n'
  + '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 300 144]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n';

function listen(server: Server, host: string, port = 0): Promise<string> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve(String((server.address() as AddressInfo).port)));
  });
}

async function freePort(): Promise<string> {
  const probe = createServer();
  const port = await listen(probe, '127.0.0.1');
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

export async function startStandInSites(): Promise<StandInSites> {
  const foreignServer = createServer((request, response) => {
    // Its video call page, for a spec that lists this origin as a plain site: the camera must be refused there.
    const html = request.url === '/call' ? CALL_PAGE : page('Site non autorisé', '<p>Not on the list.</p>');
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
  });
  const foreign = `http://127.0.0.2:${await listen(foreignServer, '127.0.0.2')}`;
  const pages: Record<string, string> = {
    '/': page('Site officiel de test', `
      <p><a id="foreign" href="${foreign}/">Un autre site</a></p>
      <p><a id="redirect-foreign" href="/redirect-foreign">Redirection vers un autre site</a></p>
      <p><a id="redirect-inside" href="/redirect-inside">Redirection dans le site</a></p>
      <p><a id="cover" href="/cover">Page qui couvre la barre</a></p>
      <p><button id="open" onclick="window.open('/second', '_blank')">Nouvelle fenêtre</button></p>
      <p><a id="pdf" href="/form.pdf">Formulaire (PDF)</a></p>`),
    '/second': page('Deuxième page', '<p>Toujours sur le site.</p>'),
    // What a site may keep of a person: shows what an earlier visit left, then leaves some itself.
    '/remember': page('Dossier', `<p id="before"></p><script>
      document.getElementById('before').textContent = [sessionStorage.getItem('case'), localStorage.getItem('case'), document.cookie].join('|');
      sessionStorage.setItem('case', '42'); localStorage.setItem('case', '42'); document.cookie = 'case=42';
    </script>`),
    '/cover': page('Page qui couvre la barre', `<script>${COVER_SCRIPT}</script>`),
    // Every other store a site can fill: IndexedDB, Cache Storage, a service worker and HTTP authentication.
    '/keep': page('Dossier complet', `<p id="kept"></p><script>${KEEP_SCRIPT}</script>`),
    // A site that writes again as fast as it is cleared: a wipe with it open must find what it wrote.
    '/stubborn': page('Dossier têtu', `<script>${STUBBORN_SCRIPT}</script>`),
    // A form a person types into, that says what the browser put in its fields before anyone typed.
    '/form': page('Formulaire', `<form id="form" action="/form-sent" method="post" autocomplete="on">
      <label>Nom <input id="name" name="name" autocomplete="name"></label>
      <label>Numéro fiscal <input id="tax" name="tax"></label>
      <button id="send">Envoyer</button></form><p id="prefilled"></p><script>
      addEventListener('load', () => setTimeout(() => {
        document.getElementById('prefilled').textContent = [...document.querySelectorAll('input')].map((i) => i.value).join('|');
        document.body.dataset.ready = 'true';
      }, 100));
    </script>`),
    '/form-sent': page('Formulaire envoyé', '<p>Merci.</p>'),
    '/call': CALL_PAGE,
    // A long form, its last field far down the page: typed into with Borne's on-screen keyboard. It
    // records whether its input events are trusted ones, as from a physical keyboard.
    '/appointment': page('Prendre rendez-vous', `<form id="form" onsubmit="return false">
      <p><label>Nom <input id="name" name="name"></label></p>
      <p style="height: 1400px">Choisissez un créneau, puis laissez votre adresse.</p>
      <p><label>Courriel <input id="email" type="email" name="email"></label></p></form><script>
      addEventListener('input', (event) => { document.body.dataset.untrusted ||= String(!event.isTrusted); }, true);
    </script>`),
    // A form in a modal dialog, as sites ask for a code: the rest of the page, Borne's keyboard included, is inert.
    '/dialog-form': page('Code de confirmation', `<dialog id="ask"><form method="dialog">
      <p><label>Code reçu par SMS <input id="code" name="code"></label></p><button>Valider</button></form></dialog>
      <script>document.getElementById('ask').showModal();</script>`),
    // A file offered for download, as a site's "download your receipt" link.
    '/receipt': page('Récépissé', '<p><a id="receipt" href="/receipt.pdf" download="recepisse.pdf">Télécharger le récépissé</a></p>'),
  };
  const allowedServer = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    if (path === '/redirect-foreign') return response.writeHead(302, { location: `${foreign}/` }).end();
    if (path === '/redirect-inside') return response.writeHead(302, { location: '/second' }).end();
    if (path === '/worker.js') return response.writeHead(200, { 'content-type': 'text/javascript' }).end("self.addEventListener('fetch', () => {});");
    if (path.startsWith('/private/')) {
      // Only the login asks for credentials: a check that does not would open the browser's login prompt.
      const authorised = request.headers.authorization === `Basic ${Buffer.from('visitor:secret').toString('base64')}`;
      const challenge = !authorised && path === '/private/login' ? { 'www-authenticate': 'Basic realm="case file"' } : {};
      return response.writeHead(authorised ? 200 : 401, challenge).end();
    }
    if (path === '/form.pdf') return response.writeHead(200, { 'content-type': 'application/pdf' }).end(PDF);
    if (path === '/receipt.pdf') {
      return response.writeHead(200, { 'content-type': 'application/pdf', 'content-disposition': 'attachment; filename="recepisse.pdf"' }).end(PDF);
    }
    const html = pages[path];
    if (html === undefined) return response.writeHead(404).end();
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
  });
  const allowed = `http://localhost:${await listen(allowedServer, '127.0.0.1')}`;
  const unreachable = `http://localhost:${await freePort()}`;
  return {
    allowed,
    foreign,
    unreachable,
    close: async () => {
      for (const server of [allowedServer, foreignServer]) {
        server.closeAllConnections();
        await new Promise((resolve) => server.close(resolve));
      }
    },
  };
}
