// Starts Microsoft Web Chat against this server's token endpoint: the local Direct Line endpoint in local mode, Azure
// Direct Line in production. The conversation id and its resume secret stay in localStorage so a returning patient
// rejoins the same conversation and sees what arrived while away.
(function () {
  'use strict';

  var storageKey = 'secondOpinion.webChat.session';
  var expiredToken = 3; // botframework-directlinejs ConnectionStatus.ExpiredToken
  var maxRestartsPerMinute = 3;
  var restarts = [];
  var current = null;

  function pageLocale() {
    var page = document.documentElement.lang || 'en-US';
    var browser = (navigator.languages && navigator.languages[0]) || navigator.language || '';
    return browser.toLowerCase().split('-')[0] === page.toLowerCase().split('-')[0] ? browser : page;
  }

  function readSaved() {
    try {
      return JSON.parse(window.localStorage.getItem(storageKey) || 'null');
    } catch (e) {
      return null;
    }
  }

  function save(session) {
    if (session.resumeSecret) {
      window.localStorage.setItem(storageKey, JSON.stringify({
        conversationId: session.conversationId,
        resumeSecret: session.resumeSecret
      }));
    }
  }

  function fetchSession() {
    return fetch('api/webchat/token', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(readSaved() || {})
    }).then(function (response) {
      if (!response.ok) {
        throw new Error('token request failed with status ' + response.status);
      }
      return response.json();
    }).then(function (session) {
      save(session);
      return session;
    });
  }

  // The words come from the content, on the status element (Channels/WebChat/WebChatPage.cs).
  function showStatus(kind) {
    var status = document.getElementById('status');
    status.textContent = kind ? status.dataset[kind] : '';
    status.hidden = !kind;
  }

  // Web Chat 4.18 ends its Direct Line connection as soon as the token expires, so "reconnecting" means a fresh token
  // for the same conversation and a new Web Chat on it; the transcript is read again from the server.
  function restartWithFreshToken() {
    var now = Date.now();
    restarts = restarts.filter(function (at) { return now - at < 60000; });
    if (restarts.length >= maxRestartsPerMinute) {
      showStatus('connectionLost');
      return;
    }
    restarts.push(now);
    start();
  }

  function render(session) {
    var directLine = window.WebChat.createDirectLine({
      domain: session.domain,
      token: session.token,
      webSocket: false,
      pollingInterval: 500
    });
    directLine.connectionStatus$.subscribe(function (status) {
      if (status === expiredToken && current === directLine) {
        current = null;
        directLine.end();
        restartWithFreshToken();
      }
    });

    var host = document.createElement('div');
    host.className = 'webchat-host';
    document.getElementById('webchat').replaceChildren(host);
    current = directLine;
    window.WebChat.renderWebChat({
      directLine: directLine,
      // The page's language (chosen from the browser's); the browser's own regional form when it is the same language,
      // so the bot reads dates and numbers the local way ("es-MX").
      locale: pageLocale(),
      styleOptions: {
        hideUploadButton: true,
        bubbleBorderRadius: 8,
        bubbleFromUserBorderRadius: 8,
        suggestedActionLayout: 'flow',
        sendBoxTextWrap: true,
        // Readable on a phone: text at least 16 px, card titles and buttons that wrap rather than being cut off.
        primaryFont: '"Segoe UI", system-ui, -apple-system, Roboto, "Helvetica Neue", Arial, sans-serif',
        fontSizeSmall: '14px',
        richCardWrapTitle: true,
        suggestedActionHeight: 44,
        sendBoxHeight: 48
      }
    }, host);
  }

  function start() {
    fetchSession().then(function (session) {
      showStatus('');
      render(session);
    }).catch(function () {
      showStatus('unavailable');
    });
  }

  // "Forget this device": the server stops honouring this browser's resume secret, the browser drops it, and the page
  // starts a new conversation, so the next person at a shared computer does not see this one.
  function forgetDevice() {
    var saved = readSaved();
    window.localStorage.removeItem(storageKey);
    var done = function () { window.location.reload(); };
    if (!saved) {
      done();
      return;
    }
    fetch('api/webchat/forget', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(saved)
    }).then(done, done);
  }

  var forget = document.getElementById('forget-device');
  if (forget) {
    forget.addEventListener('click', forgetDevice);
  }

  start();
}());
