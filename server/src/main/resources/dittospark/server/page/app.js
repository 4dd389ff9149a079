'use strict';
// The avatar page: the idle loop plays until a reply is ready, replies play in the order they were asked,
// each faded in over 300 ms on one of two reply layers while the other loads the next one.
(() => {
  const idle = document.getElementById('idle');
  const replyLayers = [document.getElementById('reply-a'), document.getElementById('reply-b')];
  const layers = [idle, ...replyLayers];
  const statusLine = document.getElementById('status');
  const list = document.getElementById('replies');
  const sayForm = document.getElementById('say');
  const tokenForm = document.getElementById('token-form');

  const fromHash = new URLSearchParams(location.hash.slice(1)).get('token');
  if (fromHash) {
    sessionStorage.setItem('dittospark.token', fromHash);
    history.replaceState(null, '', location.pathname);
  }
  let token = sessionStorage.getItem('dittospark.token') || '';
  let client = sessionStorage.getItem('dittospark.client') || '';
  let socket = null;
  let retryMs = 500;

  // replies in the order they were asked: {id, item, url, layer}
  const queue = [];
  let playing = null;

  function withToken(url) {
    return token ? url + (url.includes('?') ? '&' : '?') + 'token=' + encodeURIComponent(token) : url;
  }

  function say(text) {
    statusLine.textContent = text;
  }

  function show(layer) {
    for (const l of layers) {
      l.classList.toggle('shown', l === layer);
    }
    const state = layer === idle ? 'idle' : 'reply';
    if (document.body.dataset.state !== state && document.body.dataset.state !== 'starting') {
      say(state === 'idle' ? 'Ready.' : 'Speaking.');
    }
    document.body.dataset.state = state;
  }

  function startIdle() {
    idle.src = withToken('/api/idle/video');
    idle.play().catch(() => say('Press play: the browser keeps videos still until asked.'));
    show(idle);
  }

  function freeLayer() {
    return replyLayers.find(l => !queue.some(r => r.layer === l));
  }

  function preload() {
    for (const r of queue) {
      if (r.url && !r.layer) {
        const layer = freeLayer();
        if (!layer) {
          return;
        }
        r.layer = layer;
        layer.src = withToken(r.url);
        layer.load();
      }
    }
  }

  function pump() {
    preload();
    if (playing) {
      return;
    }
    const head = queue[0];
    if (!head || !head.url) {
      if (document.body.dataset.state !== 'idle') {
        show(idle);
      }
      return;
    }
    if (!head.layer) {
      return;
    }
    playing = head;
    head.layer.currentTime = 0;
    head.layer.play().then(() => show(head.layer)).catch(err => {
      mark(head, 'FAILED', 'cannot play: ' + err.message);
      finish(head);
    });
  }

  function finish(reply) {
    const i = queue.indexOf(reply);
    if (i >= 0) {
      queue.splice(i, 1);
    }
    if (playing === reply) {
      playing = null;
    }
    if (reply.layer) {
      const layer = reply.layer;
      reply.layer = null;
      // keep the last frame under the fade, then free the layer for the next reply
      setTimeout(() => { if (!queue.some(r => r.layer === layer)) { layer.removeAttribute('src'); layer.load(); } }, 400);
    }
    pump();
  }

  for (const layer of replyLayers) {
    layer.addEventListener('ended', () => {
      const reply = queue.find(r => r.layer === layer);
      if (reply) {
        finish(reply);
      }
    });
  }

  function mark(reply, status, detail) {
    reply.item.dataset.status = status;
    reply.item.querySelector('.state').textContent = detail ? status + ': ' + detail : status;
  }

  function find(id) {
    return queue.find(r => r.id === id);
  }

  function onEvent(event) {
    const data = event.data || {};
    if (event.type === 'welcome') {
      client = data.client;
      sessionStorage.setItem('dittospark.client', client);
      retryMs = 500;
      say('Ready.');
      if (queue.length) {
        socket.send(JSON.stringify({type: 'resume', renders: queue.map(r => r.id)}));
      }
      return;
    }
    const reply = find(data.id);
    if (!reply) {
      return;
    }
    if (event.type === 'progress') {
      mark(reply, data.status, data.frames_total ? data.frames_done + '/' + data.frames_total + ' frames' : '');
    } else if (event.type === 'video_ready') {
      if (!reply.url) {
        reply.url = data.video_url;
        mark(reply, 'SUCCEEDED', data.duration.toFixed(1) + ' s');
        pump();
      }
    } else if (event.type === 'render_failed') {
      mark(reply, data.status, data.error || '');
      finish(reply);
    }
  }

  function connect() {
    const scheme = location.protocol === 'https:' ? 'wss://' : 'ws://';
    const query = new URLSearchParams();
    if (client) {
      query.set('client', client);
    }
    if (token) {
      query.set('token', token);
    }
    socket = new WebSocket(scheme + location.host + '/ws?' + query);
    socket.onmessage = m => onEvent(JSON.parse(m.data));
    socket.onclose = () => {
      say('Reconnecting…');
      setTimeout(connect, retryMs);
      retryMs = Math.min(retryMs * 2, 10000);
    };
  }

  async function submit(text, language) {
    const headers = {'Content-Type': 'application/json'};
    if (token) {
      headers.Authorization = 'Bearer ' + token;
    }
    const response = await fetch('/api/renders', {
      method: 'POST', headers, body: JSON.stringify({text, language, client: client || null})
    });
    const body = await response.json().catch(() => ({}));
    if (response.status === 401) {
      tokenForm.classList.remove('hidden');
      say('This server needs its token.');
      return;
    }
    if (response.status === 429) {
      say('Busy: try again in ' + (response.headers.get('Retry-After') || 'a few') + ' s.');
      return;
    }
    if (response.status !== 202) {
      say((body.error_kind ? body.error_kind + ': ' : '') + (body.message || 'HTTP ' + response.status));
      return;
    }
    const item = document.createElement('li');
    const words = document.createElement('span');
    words.textContent = text + ' ';
    const state = document.createElement('span');
    state.className = 'state';
    item.append(words, state);
    list.append(item);
    const reply = {id: body.id, item, url: null, layer: null};
    queue.push(reply);
    mark(reply, body.status);
    say('Asked.');
  }

  sayForm.addEventListener('submit', e => {
    e.preventDefault();
    const line = document.getElementById('line');
    const text = line.value.trim();
    if (text) {
      line.value = '';
      submit(text, document.getElementById('language').value).catch(err => say('Cannot reach the server: ' + err.message));
    }
  });

  tokenForm.addEventListener('submit', e => {
    e.preventDefault();
    token = document.getElementById('token').value.trim();
    sessionStorage.setItem('dittospark.token', token);
    tokenForm.classList.add('hidden');
    if (socket) {
      socket.close();
    }
    startIdle();
  });

  startIdle();
  connect();
})();
