// A stand-in renderer: fills the stores a visit could fill, so the wipe has something to remove,
// then connects to the bridge with the launch token the shell defined and says it painted.
const token = window.borneLaunchToken ?? '';
document.cookie = 'visit=in-progress; path=/; max-age=3600';
localStorage.setItem('visit', 'in-progress');
sessionStorage.setItem('visit', 'in-progress');

const notes = indexedDB.open('visit-notes', 1);
notes.onupgradeneeded = () => notes.result.createObjectStore('notes').put('in-progress', 'visit');
notes.onsuccess = notes.onerror = connectToBridge;

function connectToBridge() {
  const socket = new WebSocket(`ws://${location.host}/bridge?token=${encodeURIComponent(token)}`);
  socket.addEventListener('open', () => socket.send(JSON.stringify({ type: 'VIEW.PAINTED', screen: 'attract' })));
  socket.addEventListener('message', (message) => {
    window.lastHostMessage = JSON.parse(message.data);
  });
}
