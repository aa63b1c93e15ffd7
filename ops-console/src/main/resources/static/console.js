// Operations console: keeps the page live. The server pushes "changed" events (server-sent events)
// naming the cases that changed among those this person may see; the page then fetches its
// server-rendered fragments again ([data-live] elements) and swaps them in. Countdowns tick here,
// every second, from each element's data-deadline (epoch millis), corrected by the server's clock.
(() => {
  'use strict';

  let serverOffset = 0; // server time minus browser time, in ms
  let refreshing = false;
  let pending = null; // null: nothing waiting; Set: case numbers waiting; 'all': everything

  function readServerClock(root) {
    root.querySelectorAll('[data-server-now]').forEach((el) => {
      const serverNow = Number(el.dataset.serverNow);
      if (serverNow > 0) serverOffset = serverNow - Date.now();
    });
  }

  function countdownText(deadline, now) {
    const remaining = deadline - now;
    const overdue = remaining <= 0;
    const seconds = Math.floor(Math.abs(remaining) / 1000);
    const h = Math.floor(seconds / 3600);
    const m = Math.floor((seconds % 3600) / 60);
    const s = seconds % 60;
    const pad = (n) => String(n).padStart(2, '0');
    const text = h > 0 ? `${h}h ${pad(m)}m ${pad(s)}s` : `${m}m ${pad(s)}s`;
    return `${text} ${overdue ? 'overdue' : 'left'}`;
  }

  function tick() {
    const now = Date.now() + serverOffset;
    document.querySelectorAll('[data-deadline]').forEach((el) => {
      const deadline = Number(el.dataset.deadline);
      if (!deadline) return;
      const text = countdownText(deadline, now);
      if (el.textContent !== text) el.textContent = text;
      el.classList.toggle('overdue', deadline <= now);
    });
  }

  function wanted(el, cases) {
    if (cases === 'all') return true;
    const only = el.dataset.liveCase;
    return !only || cases.has(only);
  }

  async function refresh(cases) {
    if (refreshing) {
      // Coalesce: one more round after this one, covering everything asked for meanwhile.
      if (cases === 'all' || pending === 'all') pending = 'all';
      else pending = new Set([...(pending || []), ...cases]);
      return;
    }
    refreshing = true;
    try {
      const targets = [...document.querySelectorAll('[data-live]')].filter((el) => wanted(el, cases));
      for (const el of targets) {
        const response = await fetch(el.dataset.live, { credentials: 'same-origin', headers: { Accept: 'text/html' } });
        if (response.status === 401) {
          window.location.assign('/sign-in?next=' + encodeURIComponent(window.location.pathname));
          return;
        }
        if (!response.ok) continue;
        const template = document.createElement('template');
        template.innerHTML = (await response.text()).trim();
        const fresh = template.content.firstElementChild;
        if (fresh) {
          readServerClock(template.content);
          const current = document.getElementById(el.id);
          if (current) current.replaceWith(fresh);
        }
      }
      tick();
    } catch (error) {
      console.warn('Could not refresh the page', error);
    } finally {
      refreshing = false;
      if (pending !== null) {
        const next = pending;
        pending = null;
        refresh(next);
      }
    }
  }

  function setStatus(status, text) {
    const el = document.getElementById('live-status');
    if (el) {
      el.dataset.status = status;
      el.textContent = text;
    }
  }

  function connect() {
    if (!document.querySelector('[data-live]') || !window.EventSource) return;
    const source = new EventSource('/live');
    let opened = false;
    source.addEventListener('ready', () => {
      setStatus('live', 'live');
      // Fetch what may have changed while the stream was not open (first load excepted).
      if (opened) refresh('all');
      opened = true;
    });
    source.addEventListener('changed', (event) => {
      try {
        const cases = JSON.parse(event.data).cases || [];
        refresh(new Set(cases));
      } catch (error) {
        refresh('all');
      }
    });
    source.addEventListener('error', () => {
      setStatus('reconnecting', 'reconnecting…');
      if (source.readyState === EventSource.CLOSED) {
        // The server refused the stream (signed out, or too many pages): check why through a fragment.
        setTimeout(() => { refresh('all'); connect(); }, 5000);
      }
    });
  }

  document.addEventListener('DOMContentLoaded', () => {
    readServerClock(document);
    tick();
    setInterval(tick, 1000);
    connect();
  });
})();
