'use strict';
// The avatar page: the idle loop plays until a reply can play, replies play in the order they were asked,
// each faded in over 300 ms on one of two reply layers while the other loads the next one. A reply whose
// render writes live segments starts from them (Media Source Extensions) while it still renders; one
// without, or in a browser that cannot play them, waits for its finished mp4.
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

  // replies in the order they were asked: {id, item, playlist, url, live, layer}
  const queue = [];
  let playing = null;
  const canStream = 'MediaSource' in window;

  function withToken(url) {
    return token ? url + (url.includes('?') ? '&' : '?') + 'token=' + encodeURIComponent(token) : url;
  }

  function now() {
    return String(Math.round(performance.now()));
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

  function playable(reply) {
    return Boolean(reply.live || reply.url);
  }

  function preload() {
    for (const r of queue) {
      if (playable(r) && !r.layer) {
        const layer = freeLayer();
        if (!layer) {
          return;
        }
        r.layer = layer;
        if (r.live) {
          stream(r);
        } else {
          layer.src = withToken(r.url);
          layer.load();
        }
      }
    }
  }

  // The live output of a reply: {known, next, complete, source, buffer, busy, ended}; segments are fetched and
  // appended one at a time, in order, each once the one before has been taken.
  function heard(reply, count, complete) {
    if (!reply.live) {
      if (count === 0 || reply.url || reply.noStream || !canStream) {
        return;
      }
      reply.live = {known: 0, next: 0, complete: false, source: null, buffer: null, busy: false, ended: false};
    }
    reply.live.known = Math.max(reply.live.known, count);
    reply.live.complete = reply.live.complete || complete;
    pump();
    feed(reply);
  }

  function liveFile(reply, name) {
    return reply.playlist.slice(0, reply.playlist.lastIndexOf('/') + 1) + name;
  }

  async function bytes(url) {
    const response = await fetch(withToken(url));
    if (!response.ok) {
      throw new Error('HTTP ' + response.status + ' for ' + url);
    }
    return response.arrayBuffer();
  }

  // MSE wants the exact H.264 profile and level: they are the three bytes after the avcC box's version
  function codecsOf(init) {
    const b = new Uint8Array(init);
    for (let i = 4; i + 8 <= b.length; i++) {
      if (b[i] === 0x61 && b[i + 1] === 0x76 && b[i + 2] === 0x63 && b[i + 3] === 0x43) {
        const hex = j => b[i + j].toString(16).padStart(2, '0');
        return 'avc1.' + hex(5) + hex(6) + hex(7) + ', mp4a.40.2';
      }
    }
    throw new Error('the live header names no H.264 stream');
  }

  // What the live playlist lists: how events missed (a reconnect) or not sent (the end) are caught up on.
  async function readPlaylist(reply) {
    const response = await fetch(withToken(reply.playlist), {cache: 'no-store'});
    if (response.status === 404) {
      return;
    }
    if (!response.ok) {
      throw new Error('HTTP ' + response.status + ' for ' + reply.playlist);
    }
    const lines = (await response.text()).split('\n').map(l => l.trim());
    heard(reply, lines.filter(l => l && !l.startsWith('#')).length, lines.includes('#EXT-X-ENDLIST'));
  }

  function stream(reply) {
    const live = reply.live;
    const layer = reply.layer;
    const source = new MediaSource();
    layer.src = URL.createObjectURL(source);
    source.addEventListener('sourceopen', async () => {
      URL.revokeObjectURL(layer.src);
      try {
        const init = await bytes(liveFile(reply, 'init.mp4'));
        const type = 'video/mp4; codecs="' + codecsOf(init) + '"';
        if (!MediaSource.isTypeSupported(type)) {
          throw new Error('this browser cannot play ' + type);
        }
        reply.item.dataset.type = type;
        live.source = source;
        live.buffer = source.addSourceBuffer(type);
        live.buffer.addEventListener('updateend', () => {
          // the first frames may be stamped a little after zero: start where the picture does
          if (layer.buffered.length && layer.currentTime < layer.buffered.start(0)) {
            layer.currentTime = layer.buffered.start(0);
          }
          live.busy = false;
          feed(reply);
        });
        live.busy = true;
        live.buffer.appendBuffer(init);
      } catch (err) {
        fallBack(reply, err);
      }
    }, {once: true});
  }

  async function feed(reply) {
    const live = reply.live;
    if (!live || !live.buffer || live.busy || live.ended || live.buffer.updating || !reply.layer) {
      return;
    }
    if (live.next < live.known) {
      live.busy = true;
      try {
        const segment = await bytes(liveFile(reply, 'segment_' + String(live.next).padStart(5, '0') + '.m4s'));
        if (reply.live !== live || !reply.layer) {
          return;
        }
        live.next++;
        live.buffer.appendBuffer(segment);
      } catch (err) {
        fallBack(reply, err);
      }
    } else if (live.complete) {
      live.ended = true;
      live.source.endOfStream();
    }
  }

  // The live segments cannot be played here: the reply plays its mp4 from the start once it is ready.
  function fallBack(reply, err) {
    if (!queue.includes(reply)) {
      return;
    }
    console.warn('reply ' + reply.id + ': playing the finished video instead of the live one:', err.message);
    reply.live = null;
    reply.noStream = true;
    if (playing === reply) {
      playing = null;
    }
    if (reply.layer) {
      const layer = reply.layer;
      reply.layer = null;
      layer.removeAttribute('src');
      layer.load();
    }
    pump();
  }

  function pump() {
    preload();
    if (playing) {
      return;
    }
    const head = queue[0];
    if (!head || !playable(head)) {
      if (document.body.dataset.state !== 'idle') {
        show(idle);
      }
      return;
    }
    if (!head.layer) {
      return;
    }
    playing = head;
    if (!head.live) {
      head.layer.currentTime = 0;
    }
    head.layer.play().then(() => {
      // when and from what it started, for whoever checks that replies start before they are finished
      head.item.dataset.via = head.live ? 'segments' : 'mp4';
      head.item.dataset.playedAt = now();
      show(head.layer);
    }).catch(err => {
      if (playing === head) {
        mark(head, 'FAILED', 'cannot play: ' + err.message);
        finish(head);
      }
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
        for (const r of queue) {
          catchUp(r);
        }
      }
      return;
    }
    const reply = find(data.id);
    if (!reply) {
      return;
    }
    if (event.type === 'progress') {
      mark(reply, data.status, data.frames_total ? data.frames_done + '/' + data.frames_total + ' frames' : '');
    } else if (event.type === 'segment') {
      heard(reply, data.index + 1, false);
    } else if (event.type === 'video_ready') {
      if (!reply.url) {
        reply.item.dataset.readyAt = now();
        mark(reply, 'SUCCEEDED', data.duration.toFixed(1) + ' s');
        reply.url = data.video_url;
        if (reply.live) {
          // a streaming reply learns its last segments and their end from the playlist
          readPlaylist(reply).catch(err => fallBack(reply, err));
        }
        pump();
      }
    } else if (event.type === 'render_failed') {
      mark(reply, data.status, data.error || '');
      finish(reply);
    }
  }

  function catchUp(reply) {
    if (canStream && !reply.url && !reply.noStream) {
      readPlaylist(reply).catch(err => fallBack(reply, err));
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
    const reply = {id: body.id, item, playlist: body.links.live, url: null, live: null, layer: null};
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
