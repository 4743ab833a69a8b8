// Starts Microsoft Web Chat against this server's token endpoint: the local Direct Line endpoint in local mode, Azure
// Direct Line in production. The conversation id and its resume secret stay in localStorage so a returning patient
// rejoins the same conversation and sees what arrived while away.
(function () {
  'use strict';

  var storageKey = 'secondOpinion.webChat.session';
  var expiredToken = 3; // botframework-directlinejs ConnectionStatus.ExpiredToken

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
    var saved = readSaved();
    return fetch('api/webchat/token', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(saved || {})
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

  function showStatus(text) {
    var status = document.getElementById('status');
    status.textContent = text;
    status.hidden = !text;
  }

  function start() {
    fetchSession().then(function (session) {
      var directLine = window.WebChat.createDirectLine({
        domain: session.domain,
        token: session.token,
        webSocket: false,
        pollingInterval: 500
      });

      // An expired token pauses polling: fetch a fresh one for the same conversation and carry on.
      directLine.connectionStatus$.subscribe(function (status) {
        if (status !== expiredToken) {
          return;
        }
        fetchSession().then(function (fresh) {
          directLine.reconnect({ conversationId: fresh.conversationId, token: fresh.token });
        }).catch(function () {
          showStatus('The chat lost its connection. Please reload the page.');
        });
      });

      window.WebChat.renderWebChat({
        directLine: directLine,
        userID: session.userId,
        locale: document.documentElement.lang || 'en-US',
        styleOptions: {
          hideUploadButton: true,
          bubbleBorderRadius: 8,
          bubbleFromUserBorderRadius: 8,
          suggestedActionLayout: 'flow',
          sendBoxTextWrap: true
        }
      }, document.getElementById('webchat'));
      document.querySelector('#webchat input, #webchat textarea')?.focus();
    }).catch(function () {
      showStatus('The chat is not available right now. Please try again in a few minutes.');
    });
  }

  start();
}());
