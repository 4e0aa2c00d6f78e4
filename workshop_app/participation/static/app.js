/* The participant page: join by a card's link or as a walk-in, send ideas, vote.
 *
 * Plain ES2017 for old Android Chrome and iOS Safari 12: no framework, no build step,
 * no optional chaining, no object spread, no AbortController. Every text from the
 * server is inserted with textContent (never innerHTML), so an idea holding markup
 * shows as the characters typed.
 *
 * Live updates come over a WebSocket; when it cannot be opened the page polls
 * /api/state?since=N (the server holds the request until something changes). Each
 * idea and ballot carries its own submission id and stays in an outbox kept in
 * localStorage until the server acknowledges it; it is sent again after every
 * reconnect (the server applies an id once).
 */
(function () {
  "use strict";

  var TOKEN_KEY = "workshop-phone-token";
  var LANG_KEY = "workshop-phone-lang";
  var OUTBOX_KEY = "workshop-phone-outbox";
  var WALK_IN_KEY = "workshop-phone-walk-in";
  var RESEND_AFTER_MS = 8000; // an unacknowledged submission is sent again after this
  var DEAD_AFTER_MS = 15000; // no answer this long: the socket is dead (Wi-Fi roamed, slept)
  var WS_FAILURES_BEFORE_POLLING = 2;
  var WS_RETRY_WHILE_POLLING_MS = 30000;
  var MAX_IDEA_LENGTH = 500;

  var TEXT = {
    th: {
      pageTitle: "ร่วมประชุมทางโทรศัพท์",
      otherLanguage: "English",
      loading: "กำลังโหลด…",
      connecting: "กำลังเชื่อมต่อ…",
      live: "เชื่อมต่อแล้ว",
      polling: "เชื่อมต่อแล้ว (แบบสำรอง)",
      offline: "ไม่มีสัญญาณ จะลองใหม่ใน {s} วินาที",
      offlineNow: "ไม่มีสัญญาณ กำลังลองใหม่…",
      waiting: "รอส่ง {n} รายการ",
      joinTitle: "เข้าร่วมประชุม",
      joinLead: "ถ้ามีบัตรที่มีคิวอาร์โค้ด ให้สแกนด้วยกล้องโทรศัพท์ ถ้าไม่มีบัตร ลงทะเบียนที่นี่ด้วยรหัสที่แสดงบนจอ",
      code: "รหัสเข้าร่วม (ตัวเลข 6 หลักบนจอ)",
      firstName: "ชื่อ",
      lastName: "นามสกุล",
      sector: "ภาคส่วน",
      chooseSector: "— เลือกภาคส่วน —",
      join: "เข้าร่วม",
      joining: "กำลังลงทะเบียน…",
      needCode: "กรุณากรอกรหัสเข้าร่วม 6 หลักที่แสดงบนจอ",
      needName: "กรุณากรอกชื่อและนามสกุล",
      needSector: "กรุณาเลือกภาคส่วน",
      cannotReach: "ติดต่อเครื่องของผู้จัดประชุมไม่ได้ ตรวจสอบว่าต่อ Wi-Fi ของห้องประชุมอยู่ แล้วลองใหม่",
      revoked: "ลิงก์หรือบัตรนี้ใช้ไม่ได้แล้ว กรุณาขอบัตรใหม่จากเจ้าหน้าที่ หรือลงทะเบียนด้านล่าง",
      noIssue: "ยังไม่มีประเด็นที่เปิดให้ส่งความคิด รอผู้ดำเนินการประชุมเปิดประเด็น",
      issue: "ประเด็นที่ {n}: {title}",
      sendIdea: "ส่งความคิด",
      ideaKind: "ประเภท",
      ideaText: "ความคิดของท่าน",
      ideaPlaceholder: "พิมพ์ความคิดสั้น ๆ หนึ่งเรื่องต่อครั้ง",
      ideaEmpty: "กรุณาพิมพ์ความคิดก่อนส่ง",
      ideaTooLong: "ความคิดยาวเกิน {n} ตัวอักษร กรุณาย่อ",
      chooseKind: "กรุณาเลือกประเภท",
      sendingIdea: "กำลังส่ง… (ถ้าไม่มีสัญญาณ จะส่งให้เองเมื่อต่อได้)",
      ideaOnBoard: "ส่งแล้ว ขึ้นกระดานแล้ว",
      ideaPending: "ส่งแล้ว รอผู้ดำเนินการประชุมอนุมัติขึ้นกระดาน",
      ideasTitle: "ความคิดบนกระดาน ({n})",
      noIdeas: "ยังไม่มีความคิดในประเด็นนี้",
      mine: "ของท่าน",
      pending: "รออนุมัติ",
      notSent: "ยังไม่ได้ส่ง",
      roundTitle: "ลงคะแนน รอบที่ {n}: {title}",
      dotsRule: "มี {budget} ดาว ให้ความคิดเดียวได้ไม่เกิน {cap} ดาว",
      dotsLeft: "เหลือ {left} ดาว จาก {budget}",
      rankingRule: "แตะความคิดที่ชอบที่สุดก่อน เลือกได้ {k} อันดับ แตะอีกครั้งเพื่อเอาออก",
      rankingLeft: "เลือกแล้ว {n} จาก {k} อันดับ",
      rank: "อันดับ {n}",
      criteriaRule: "ให้คะแนน 0–{max} ทุกเกณฑ์ในความคิดที่ท่านให้คะแนน",
      clearScores: "ล้างคะแนน",
      approvalRule: "แตะ \"เห็นด้วย\" ได้ทุกความคิดที่ท่านเห็นด้วย",
      approve: "เห็นด้วย",
      approved: "เห็นด้วย ✓",
      sendBallot: "ส่งคะแนน",
      changeBallot: "ส่งคะแนนที่แก้ไข",
      sendingBallot: "กำลังส่งคะแนน…",
      ballotSent: "ส่งแล้ว ✓ แก้ไขได้จนกว่าจะปิดรอบ",
      ballotChanged: "แก้ไขแล้ว ยังไม่ได้ส่ง",
      noRound: "ยังไม่มีรอบลงคะแนนที่เปิดอยู่",
      notCheckedIn: "ท่านยังไม่ได้ลงทะเบียนที่โต๊ะลงทะเบียน กรุณาลงทะเบียนก่อนจึงจะลงคะแนนได้",
      less: "ลด",
      more: "เพิ่ม",
      dots: "{n} ดาว"
    },
    en: {
      pageTitle: "Take part by phone",
      otherLanguage: "ไทย",
      loading: "Loading…",
      connecting: "Connecting…",
      live: "Connected",
      polling: "Connected (fallback)",
      offline: "No connection; trying again in {s} s",
      offlineNow: "No connection; trying again…",
      waiting: "{n} waiting to be sent",
      joinTitle: "Join the workshop",
      joinLead: "If you have a card with a QR code, scan it with your phone's camera. Without a card, register here with the code shown on the screen.",
      code: "Join code (6 digits on the screen)",
      firstName: "First name",
      lastName: "Last name",
      sector: "Sector",
      chooseSector: "— choose your sector —",
      join: "Join",
      joining: "Registering…",
      needCode: "Type the 6-digit join code shown on the screen.",
      needName: "Type your first and last name.",
      needSector: "Choose your sector.",
      cannotReach: "Cannot reach the organisers' computer. Check that you are on the venue's Wi-Fi and try again.",
      revoked: "This link or card no longer works. Ask the staff for a new card, or register below.",
      noIssue: "No issue is open for ideas yet; the facilitator will open one.",
      issue: "Issue {n}: {title}",
      sendIdea: "Send idea",
      ideaKind: "Kind",
      ideaText: "Your idea",
      ideaPlaceholder: "One short idea at a time",
      ideaEmpty: "Type your idea first.",
      ideaTooLong: "The idea is longer than {n} characters; please shorten it.",
      chooseKind: "Choose a kind.",
      sendingIdea: "Sending… (without a connection it is sent when one comes back)",
      ideaOnBoard: "Sent: it is on the board.",
      ideaPending: "Sent: waiting for the facilitator to accept it.",
      ideasTitle: "Ideas on the board ({n})",
      noIdeas: "No ideas on this issue yet.",
      mine: "yours",
      pending: "waiting",
      notSent: "not sent yet",
      roundTitle: "Vote, round {n}: {title}",
      dotsRule: "You have {budget} dots, at most {cap} on one idea.",
      dotsLeft: "{left} of {budget} dots left",
      rankingRule: "Tap your favourite first; {k} places. Tap again to remove.",
      rankingLeft: "{n} of {k} places chosen",
      rank: "Place {n}",
      criteriaRule: "Score 0–{max} on every criterion for each idea you score.",
      clearScores: "Clear",
      approvalRule: "Tap \"Agree\" on every idea you agree with.",
      approve: "Agree",
      approved: "Agree ✓",
      sendBallot: "Send vote",
      changeBallot: "Send changed vote",
      sendingBallot: "Sending your vote…",
      ballotSent: "Sent ✓ You may change it until the round closes.",
      ballotChanged: "Changed, not sent yet",
      noRound: "No vote round is open.",
      notCheckedIn: "You have not checked in at the registration desk yet; check in to vote.",
      less: "Less",
      more: "More",
      dots: "{n} dots"
    }
  };

  // --- small helpers ------------------------------------------------------------------

  function store(key, value) {
    try {
      if (value === null) window.localStorage.removeItem(key);
      else window.localStorage.setItem(key, value);
    } catch (e) { /* private browsing on old Safari: the page still works this visit */ }
  }

  function load(key) {
    try { return window.localStorage.getItem(key); } catch (e) { return null; }
  }

  var lang = load(LANG_KEY) === "en" ? "en" : "th";

  function t(key, params) {
    var text = TEXT[lang][key] || TEXT.th[key] || key;
    if (params) {
      Object.keys(params).forEach(function (name) {
        text = text.split("{" + name + "}").join(String(params[name]));
      });
    }
    return text;
  }

  function both(pair) { // a {th, en} message from the server or the rules below
    return (pair && (pair[lang] || pair.th || pair.en)) || "";
  }

  function newId() {
    var bytes = new Uint8Array(16);
    (window.crypto || window.msCrypto).getRandomValues(bytes);
    return Array.prototype.map.call(bytes, function (b) {
      return ("0" + b.toString(16)).slice(-2);
    }).join("");
  }

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    if (attrs) {
      Object.keys(attrs).forEach(function (name) {
        var value = attrs[name];
        if (value === null || value === undefined || value === false) return;
        if (name === "text") node.textContent = value;
        else if (name === "className") node.className = value;
        else if (name.slice(0, 2) === "on") node.addEventListener(name.slice(2), value);
        else node.setAttribute(name, value === true ? "" : value);
      });
    }
    (children || []).forEach(function (child) {
      if (child) node.appendChild(child);
    });
    return node;
  }

  function clear(node) {
    while (node.firstChild) node.removeChild(node.firstChild);
  }

  function byId(id) { return document.getElementById(id); }

  // --- what the page knows ------------------------------------------------------------

  var token = null;
  var info = null; // GET /api/info
  var state = null; // the latest state
  var version = 0;
  var outbox = readOutbox(); // submissions not yet acknowledged
  var ideaNotice = null; // {kind: "sending"|"done"|"error", text}
  var draft = null; // the ballot being filled: {roundId, marks: {key: value}, dirty}
  var ballotNotice = null;
  var ballotProblem = null; // the rule a draft breaks, shown before sending

  function readOutbox() {
    try {
      var saved = JSON.parse(load(OUTBOX_KEY) || "[]");
      return Array.isArray(saved) ? saved : [];
    } catch (e) { return []; }
  }

  function saveOutbox() { store(OUTBOX_KEY, outbox.length ? JSON.stringify(outbox) : null); }

  // --- connection ---------------------------------------------------------------------

  var socket = null;
  var mode = "connecting"; // connecting | live | polling | offline
  var wsFailures = 0;
  var backoffMs = 1000;
  var retryAt = 0;
  var retryTimer = null;
  var pollRunning = false;
  var pollGeneration = 0;
  var lastWsTry = 0;

  function setMode(next) {
    mode = next;
    renderConnection();
  }

  function renderConnection() {
    var badge = byId("connection");
    var text;
    if (mode === "live") text = t("live");
    else if (mode === "polling") text = t("polling");
    else if (mode === "offline") {
      var seconds = Math.max(0, Math.ceil((retryAt - Date.now()) / 1000));
      text = seconds > 0 ? t("offline", { s: seconds }) : t("offlineNow");
    } else text = t("connecting");
    if (outbox.length && mode !== "live" && mode !== "polling") {
      text += " · " + t("waiting", { n: outbox.length });
    }
    badge.textContent = text;
    badge.hidden = !token; // the join form connects to nothing yet
    badge.className = "connection connection-" + mode;
    badge.setAttribute("data-mode", mode);
  }

  setInterval(function () { if (mode === "offline") renderConnection(); }, 1000);

  function connect() {
    if (!token) return;
    if (window.WebSocket && wsFailures < WS_FAILURES_BEFORE_POLLING) openSocket();
    else startPolling();
  }

  function openSocket() {
    var scheme = location.protocol === "https:" ? "wss://" : "ws://";
    var gotState = false;
    var ws;
    lastWsTry = Date.now();
    if (mode !== "polling") setMode("connecting");
    try {
      ws = new WebSocket(scheme + location.host + "/ws");
    } catch (e) {
      wsFailures += 1;
      scheduleReconnect();
      return;
    }
    socket = ws;
    ws.onopen = function () {
      ws.send(JSON.stringify({ type: "hello", token: token }));
    };
    ws.onmessage = function (event) {
      var message;
      try { message = JSON.parse(event.data); } catch (e) { return; }
      if (message.type === "state") {
        if (!gotState) {
          gotState = true;
          wsFailures = 0;
          // Whatever was sent on the last connection goes again now, not after a wait.
          outbox.forEach(function (item) { item.sentAt = 0; item.firstSentAt = 0; });
          backoffMs = 1000;
          pollGeneration += 1; // a poll still waiting ends quietly
          pollRunning = false;
          setMode("live");
        }
        applyState(message);
        flushOutbox();
      } else if (message.type === "ideas") {
        // Only the cards that changed. A patch for another version than the one
        // shown means one went missing: the whole state is asked for again.
        if (!applyPatch(message)) ws.send(JSON.stringify({ type: "sync" }));
      } else if (message.type === "ack") {
        acknowledged(message);
      } else if (message.type === "error") {
        if (isRevoked(message.error)) tokenRevoked();
      }
    };
    ws.onclose = function (event) {
      if (socket !== ws) return; // a socket already given up on (a newer one took over)
      socket = null;
      if (event && event.code === 4401) { // the server's "unknown or revoked token"
        tokenRevoked();
        return;
      }
      if (!token) return;
      if (gotState) { scheduleReconnect(); return; }
      if (mode === "polling") { wsFailures += 1; return; } // the poll carries on
      // The socket failed: if plain HTTP gets through, WebSockets are what is blocked
      // (a proxy, an old router) and the page polls; if not, the network or the server
      // is down, and the socket is tried again after a wait.
      api("GET", "/api/info", undefined, 5000).then(function (answer) {
        if (answer.status !== 200) { scheduleReconnect(); return; }
        wsFailures += 1;
        if (wsFailures >= WS_FAILURES_BEFORE_POLLING) startPolling();
        else scheduleReconnect();
      }, function () { scheduleReconnect(); });
    };
    ws.onerror = function () { /* onclose follows and decides */ };
  }

  function isRevoked(error) {
    return !!error && error.code === "unauthorized";
  }

  function scheduleReconnect() {
    if (retryTimer) return;
    // Exponential backoff with jitter: 300 phones losing the Wi-Fi together do not come
    // back in one burst.
    var wait = Math.min(backoffMs, 15000) * (0.5 + Math.random() * 0.5);
    backoffMs = Math.min(backoffMs * 2, 15000);
    retryAt = Date.now() + wait;
    setMode("offline");
    retryTimer = setTimeout(function () {
      retryTimer = null;
      connect();
    }, wait);
  }

  function api(method, path, body, timeoutMs) {
    return new Promise(function (resolve, reject) {
      var request = new XMLHttpRequest();
      request.open(method, path, true);
      if (token) request.setRequestHeader("Authorization", "Bearer " + token);
      if (body !== undefined) request.setRequestHeader("Content-Type", "application/json");
      request.timeout = timeoutMs || 15000;
      request.onload = function () {
        var data = null;
        try { data = JSON.parse(request.responseText); } catch (e) { data = null; }
        resolve({ status: request.status, data: data });
      };
      request.onerror = function () { reject(new Error("network")); };
      request.ontimeout = function () { reject(new Error("timeout")); };
      request.send(body === undefined ? null : JSON.stringify(body));
    });
  }

  function startPolling() {
    if (pollRunning) return;
    pollRunning = true;
    var generation = ++pollGeneration;
    var first = true;
    function next() {
      if (generation !== pollGeneration || !token) return;
      // Now and then the WebSocket is tried again: a proxy or a passing fault may have
      // stopped it.
      if (window.WebSocket && !socket && Date.now() - lastWsTry > WS_RETRY_WHILE_POLLING_MS) {
        wsFailures = WS_FAILURES_BEFORE_POLLING - 1;
        openSocket();
      }
      var path = "/api/state" + (first ? "" : "?since=" + version);
      api("GET", path, undefined, 35000).then(function (answer) {
        if (generation !== pollGeneration) return;
        if (answer.status === 401) { tokenRevoked(); return; }
        if (answer.status === 200 && answer.data) {
          first = false;
          backoffMs = 1000;
          if (mode !== "polling") setMode("polling");
          applyState(answer.data);
          flushOutbox();
          next();
        } else {
          pollFailed();
        }
      }, function () {
        if (generation === pollGeneration) pollFailed();
      });
    }
    function pollFailed() {
      var wait = Math.min(backoffMs, 15000) * (0.5 + Math.random() * 0.5);
      backoffMs = Math.min(backoffMs * 2, 15000);
      retryAt = Date.now() + wait;
      setMode("offline");
      setTimeout(next, wait);
    }
    next();
  }

  function tokenRevoked() {
    token = null;
    store(TOKEN_KEY, null);
    outbox = [];
    saveOutbox();
    pollGeneration += 1;
    pollRunning = false;
    if (socket) { try { socket.close(); } catch (e) { /* already closed */ } }
    state = null;
    setMode("connecting");
    showJoin(t("revoked"));
  }

  // --- the outbox ---------------------------------------------------------------------

  function submit(type, body) {
    body.submission_id = newId();
    if (type === "ballot") {
      // A newer ballot of the same round replaces one not yet acknowledged: sent after
      // it, the older would overwrite the newer.
      outbox = outbox.filter(function (item) {
        return !(item.type === "ballot" && item.body.round_id === body.round_id);
      });
    }
    outbox.push({ type: type, body: body, sentAt: 0 });
    saveOutbox();
    flushOutbox();
    return body.submission_id;
  }

  var flushing = false;

  function flushOutbox() {
    if (!outbox.length) { renderConnection(); return; }
    var now = Date.now();
    if (socket && socket.readyState === 1 && mode === "live") {
      var dead = false;
      outbox.forEach(function (item) {
        if (item.firstSentAt && now - item.firstSentAt > DEAD_AFTER_MS) dead = true;
        if (now - item.sentAt < RESEND_AFTER_MS) return;
        item.sentAt = now;
        if (!item.firstSentAt) item.firstSentAt = now;
        var message = { type: item.type };
        Object.keys(item.body).forEach(function (k) { message[k] = item.body[k]; });
        socket.send(JSON.stringify(message));
      });
      // A socket can die without closing (the phone slept, the Wi-Fi moved it to
      // another access point): the browser does not notice, but nothing is answered.
      // Closing it makes the page connect again and send everything anew.
      if (dead) socket.close();
      renderConnection();
      return;
    }
    if (mode !== "polling" || flushing) { renderConnection(); return; }
    // Over HTTP, one at a time and in order.
    flushing = true;
    var item = outbox[0];
    var path = item.type === "idea" ? "/api/ideas" : "/api/ballots";
    api("POST", path, item.body).then(function (answer) {
      flushing = false;
      if (answer.status === 401) { tokenRevoked(); return; }
      if (answer.status === 429 || answer.status >= 500 || !answer.data) {
        setTimeout(flushOutbox, 2000);
        return;
      }
      var ack = { submission_id: item.body.submission_id };
      Object.keys(answer.data).forEach(function (k) { ack[k] = answer.data[k]; });
      ack.ok = answer.status < 300 && answer.data.ok !== false;
      acknowledged(ack);
      flushOutbox();
    }, function () {
      flushing = false;
      setTimeout(flushOutbox, 3000);
    });
  }

  setInterval(function () { if (outbox.length) flushOutbox(); }, 3000);

  function reconnectNow() {
    // Back from sleep or onto the Wi-Fi again: no need to wait out the backoff.
    if (!token || mode !== "offline" || !retryTimer) return;
    clearTimeout(retryTimer);
    retryTimer = null;
    backoffMs = 1000;
    connect();
  }

  window.addEventListener("online", reconnectNow);
  document.addEventListener("visibilitychange", function () {
    if (!document.hidden) reconnectNow();
  });

  function acknowledged(ack) {
    if (!ack.ok && ack.error && ack.error.code === "rate_limited") {
      return; // kept in the outbox: sent again after a while
    }
    if (!ack.ok && isRevoked(ack.error)) { tokenRevoked(); return; }
    var item = null;
    outbox = outbox.filter(function (entry) {
      if (entry.body.submission_id === ack.submission_id) { item = entry; return false; }
      return true;
    });
    saveOutbox();
    renderConnection();
    if (!item) return;
    if (item.type === "idea") {
      if (ack.ok) {
        ideaNotice = { kind: "done", text: ack.status === "pending" ? t("ideaPending") : t("ideaOnBoard") };
      } else {
        ideaNotice = { kind: "error", text: both(ack.error) };
        // Refused (the issue was closed meanwhile, ...): the words come back to the box,
        // not lost, unless something new has been typed there.
        var box = byId("idea-text");
        if (box && !box.value) box.value = item.body.text;
      }
      renderIdeaNotice();
      renderIdeas();
    } else {
      if (ack.ok) {
        if (draft && draft.roundId === item.body.round_id && draft.sentId === ack.submission_id) {
          draft.dirty = false;
          draft.sent = true;
        }
        ballotNotice = { kind: "done", text: t("ballotSent") };
      } else {
        ballotNotice = { kind: "error", text: both(ack.error) };
      }
      renderBallot();
    }
  }

  // --- joining ------------------------------------------------------------------------

  function takeTokenFromAddress() {
    var fragment = location.hash ? location.hash.slice(1) : "";
    if (fragment && /^[A-Za-z0-9_-]{16,}$/.test(fragment)) {
      token = fragment;
      store(TOKEN_KEY, token);
    }
    if (location.hash && window.history && history.replaceState) {
      // The token leaves the address bar (and any bookmark or shared screenshot).
      history.replaceState(null, "", location.pathname + location.search);
    }
    if (!token) token = load(TOKEN_KEY);
  }

  function loadInfo() {
    return api("GET", "/api/info").then(function (answer) {
      if (answer.status !== 200 || !answer.data) throw new Error("info " + answer.status);
      info = answer.data;
      byId("workshop-title").textContent = info.workshop ? info.workshop.title : "";
      return info;
    });
  }

  function showJoin(message) {
    var main = byId("app");
    clear(main);
    byId("me").textContent = "";
    var saved = {};
    try { saved = JSON.parse(load(WALK_IN_KEY) || "{}") || {}; } catch (e) { saved = {}; }
    var notice = el("p", { className: "notice notice-error", id: "join-notice", role: "alert", text: message || "" });
    if (!message) notice.hidden = true;
    var code = el("input", { id: "join-code", type: "text", inputmode: "numeric", pattern: "[0-9]*", autocomplete: "off", maxlength: "6", value: saved.code || "" });
    var first = el("input", { id: "join-first", type: "text", autocomplete: "given-name", maxlength: "100", value: saved.first_name || "" });
    var last = el("input", { id: "join-last", type: "text", autocomplete: "family-name", maxlength: "100", value: saved.last_name || "" });
    var sector = el("select", { id: "join-sector" }, [el("option", { value: "", text: t("chooseSector") })]);
    var sectors = (info && info.sectors) || [];
    sectors.forEach(function (s) {
      var option = el("option", { value: s.id, text: s.name });
      if (s.id === saved.sector_id) option.selected = true;
      sector.appendChild(option);
    });
    var button = el("button", { id: "join-button", type: "submit", className: "primary", text: t("join") });
    var form = el("form", { id: "join-form", className: "card", novalidate: true }, [
      el("h2", { text: t("joinTitle") }),
      el("p", { className: "lead", text: t("joinLead") }),
      notice,
      el("label", { "for": "join-code", text: t("code") }), code,
      el("label", { "for": "join-first", text: t("firstName") }), first,
      el("label", { "for": "join-last", text: t("lastName") }), last,
      el("label", { "for": "join-sector", text: t("sector") }), sector,
      button
    ]);
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var body = {
        code: code.value.replace(/\s+/g, ""),
        first_name: first.value.trim(),
        last_name: last.value.trim(),
        sector_id: sector.value
      };
      var problem = null;
      if (!/^[0-9]{6}$/.test(body.code)) problem = t("needCode");
      else if (!body.first_name || !body.last_name) problem = t("needName");
      else if (!body.sector_id) problem = t("needSector");
      if (problem) { say(problem); return; }
      // One submission id per person typed in: sent again after a dropped answer, it
      // never registers them twice.
      if (saved.submission_id && saved.code === body.code && saved.first_name === body.first_name &&
          saved.last_name === body.last_name && saved.sector_id === body.sector_id) {
        body.submission_id = saved.submission_id;
      } else {
        body.submission_id = newId();
      }
      saved = body;
      store(WALK_IN_KEY, JSON.stringify(body));
      button.disabled = true;
      button.textContent = t("joining");
      api("POST", "/api/walk-in", body).then(function (answer) {
        button.disabled = false;
        button.textContent = t("join");
        if (answer.status === 200 && answer.data && answer.data.token) {
          token = answer.data.token;
          store(TOKEN_KEY, token);
          store(WALK_IN_KEY, null);
          startMain();
        } else {
          say(both(answer.data && answer.data.error) || t("cannotReach"));
        }
      }, function () {
        button.disabled = false;
        button.textContent = t("join");
        say(t("cannotReach"));
      });
    });
    function say(text) {
      notice.textContent = text;
      notice.hidden = false;
    }
    main.appendChild(form);
  }

  // --- the main view ------------------------------------------------------------------

  var built = false;

  function startMain() {
    built = false;
    drawnIdeas = null;
    drawnRound = null;
    renderConnection();
    var main = byId("app");
    clear(main);
    main.appendChild(el("p", { className: "loading", text: t("loading") }));
    wsFailures = 0;
    connect();
  }

  function buildMain() {
    var main = byId("app");
    clear(main);
    main.appendChild(el("section", { id: "round", className: "card round" }));
    main.appendChild(el("section", { id: "issue", className: "card" }));
    main.appendChild(el("section", { id: "ideas", className: "card" }));
    built = true;
    drawnIdeas = null;
    drawnRound = null;
    buildIdeaForm();
  }

  function applyState(next) {
    if (typeof next.version === "number") {
      if (next.version < version && state) return; // an older state arrived late
      version = next.version;
    }
    var issueBefore = state && state.issue ? state.issue.id : null;
    state = next;
    if (!built) buildMain();
    byId("workshop-title").textContent = state.workshop ? state.workshop.title : "";
    byId("me").textContent = state.me ? [state.me.name, state.me.sector].filter(Boolean).join(" · ") : "";
    if ((state.issue ? state.issue.id : null) !== issueBefore) buildIdeaForm();
    // Only the parts that changed are drawn again: a push for someone else's change
    // leaves the ballot being filled (and the button under a finger) as it is.
    var ideasNow = JSON.stringify([state.issue, state.ideas, state.kinds]);
    if (ideasNow !== drawnIdeas) { drawnIdeas = ideasNow; renderIdeas(); }
    var roundNow = JSON.stringify([state.round, state.me && state.me.checked_in]);
    if (roundNow !== drawnRound) { drawnRound = roundNow; renderBallot(); }
  }

  var drawnIdeas = null;
  var drawnRound = null;

  // An "ideas" patch: cards removed, changed in place or added at the end, then put in
  // the order given (when a card moved). The person's own waiting ideas stay last.
  function applyPatch(patch) {
    if (!state || patch.base !== version) return false;
    var gone = {};
    patch.remove.forEach(function (id) { gone[id] = true; });
    var board = [];
    var waiting = [];
    (state.ideas || []).forEach(function (idea) {
      if (idea.status === "pending") waiting.push(idea);
      else if (!gone[idea.id]) board.push(idea);
    });
    var where = {};
    board.forEach(function (idea, index) { where[idea.id] = index; });
    patch.upsert.forEach(function (idea) {
      if (Object.prototype.hasOwnProperty.call(where, idea.id)) board[where[idea.id]] = idea;
      else { where[idea.id] = board.length; board.push(idea); }
    });
    if (patch.order) {
      var position = {};
      patch.order.forEach(function (id, index) { position[id] = index; });
      board.sort(function (a, b) { return position[a.id] - position[b.id]; });
    }
    var next = {};
    Object.keys(state).forEach(function (key) { next[key] = state[key]; });
    next.version = patch.version;
    next.ideas = board.concat(waiting);
    applyState(next);
    return true;
  }

  function kindLabel(key) {
    var kinds = (state && state.kinds) || [];
    for (var i = 0; i < kinds.length; i++) {
      if (kinds[i].key === key) return kinds[i][lang] || kinds[i].th;
    }
    return key;
  }

  function buildIdeaForm() {
    var section = byId("issue");
    if (!section) return;
    var keep = byId("idea-text");
    var typed = keep ? keep.value : "";
    var chosen = section.querySelector("input[name=kind]:checked");
    var chosenKind = chosen ? chosen.value : null;
    clear(section);
    if (!state.issue) {
      section.appendChild(el("p", { className: "muted", id: "no-issue", text: t("noIssue") }));
      return;
    }
    section.appendChild(el("h2", { id: "issue-title", text: t("issue", { n: state.issue.number, title: state.issue.title }) }));
    var kinds = el("div", { className: "kinds", role: "radiogroup", "aria-label": t("ideaKind") });
    (state.kinds || []).forEach(function (kind, index) {
      var id = "kind-" + index;
      var input = el("input", { type: "radio", name: "kind", id: id, value: kind.key });
      if (kind.key === chosenKind || (!chosenKind && index === 0)) input.checked = true;
      kinds.appendChild(el("label", { className: "kind", "for": id }, [input, el("span", { text: kind[lang] || kind.th })]));
    });
    var text = el("textarea", { id: "idea-text", rows: "3", maxlength: String(MAX_IDEA_LENGTH), placeholder: t("ideaPlaceholder") });
    text.value = typed;
    var form = el("form", { id: "idea-form", novalidate: true }, [
      el("p", { className: "label", text: t("ideaKind") }),
      kinds,
      el("label", { "for": "idea-text", text: t("ideaText") }),
      text,
      el("button", { id: "idea-send", type: "submit", className: "primary", text: t("sendIdea") }),
      el("p", { id: "idea-notice", className: "notice", role: "status", hidden: true })
    ]);
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var picked = form.querySelector("input[name=kind]:checked");
      var words = text.value.trim();
      if (!picked) { ideaNotice = { kind: "error", text: t("chooseKind") }; }
      else if (!words) { ideaNotice = { kind: "error", text: t("ideaEmpty") }; }
      else if (words.length > MAX_IDEA_LENGTH) { ideaNotice = { kind: "error", text: t("ideaTooLong", { n: MAX_IDEA_LENGTH }) }; }
      else {
        submit("idea", { issue_id: state.issue.id, kind: picked.value, text: words });
        text.value = "";
        ideaNotice = { kind: "sending", text: t("sendingIdea") };
        renderIdeas();
      }
      renderIdeaNotice();
    });
    section.appendChild(form);
    renderIdeaNotice();
  }

  function renderIdeaNotice() {
    var notice = byId("idea-notice");
    if (!notice) return;
    notice.hidden = !ideaNotice;
    notice.textContent = ideaNotice ? ideaNotice.text : "";
    notice.className = "notice" + (ideaNotice ? " notice-" + ideaNotice.kind : "");
    notice.setAttribute("data-kind", ideaNotice ? ideaNotice.kind : "");
  }

  function renderIdeas() {
    var section = byId("ideas");
    if (!section || !state) return;
    clear(section);
    if (!state.issue) { section.hidden = true; return; }
    section.hidden = false;
    var ideas = state.ideas || [];
    var unsent = outbox.filter(function (item) {
      return item.type === "idea" && item.body.issue_id === state.issue.id;
    });
    section.appendChild(el("h2", { text: t("ideasTitle", { n: ideas.length }) }));
    var list = el("ul", { id: "idea-list", className: "ideas" });
    unsent.forEach(function (item) {
      list.appendChild(ideaItem(item.body.kind, item.body.text, [t("mine"), t("notSent")], "unsent"));
    });
    ideas.slice().reverse().forEach(function (idea) {
      var tags = [];
      if (idea.mine) tags.push(t("mine"));
      if (idea.status === "pending") tags.push(t("pending"));
      list.appendChild(ideaItem(idea.kind, idea.text, tags, idea.status, idea.id));
    });
    if (!ideas.length && !unsent.length) {
      section.appendChild(el("p", { className: "muted", text: t("noIdeas") }));
    }
    section.appendChild(list);
  }

  function ideaItem(kind, text, tags, status, id) {
    var head = el("span", { className: "idea-kind", text: kindLabel(kind) });
    var tagNodes = tags.map(function (tag) { return el("span", { className: "tag", text: tag }); });
    return el("li", { className: "idea idea-" + status, "data-id": id || null },
      [el("div", { className: "idea-head" }, [head].concat(tagNodes)), el("p", { className: "idea-text", text: text })]);
  }

  // --- ballots ------------------------------------------------------------------------

  function markKey(ideaId, criterionId) { return criterionId ? ideaId + "|" + criterionId : ideaId; }

  function draftFor(round) {
    if (draft && draft.roundId === round.id) return draft;
    var marks = {};
    var mine = round.my_ballot ? round.my_ballot.marks || [] : [];
    mine.forEach(function (mark) { marks[markKey(mark.idea_id, mark.criterion_id)] = mark.value; });
    draft = { roundId: round.id, marks: marks, dirty: false, sent: mine.length > 0, sentId: null };
    ballotNotice = draft.sent ? { kind: "done", text: t("ballotSent") } : null;
    ballotProblem = null;
    return draft;
  }

  function draftMarks(round) { // the draft as the marks the server takes
    var marks = [];
    var known = {};
    (round.cards || []).forEach(function (card) { known[card.id] = true; });
    Object.keys(draft.marks).forEach(function (key) {
      var parts = key.split("|");
      var value = draft.marks[key];
      if (!known[parts[0]]) return;
      if (round.method !== "criteria" && !value) return;
      marks.push({ idea_id: parts[0], value: value, criterion_id: parts[1] || null });
    });
    return marks;
  }

  // The rules of services/vote_counting.check_ballot, with the same messages, so that a
  // ballot breaking one is never sent.
  function ballotRuleBroken(round, marks) {
    if (!marks.length) return { th: "ยังไม่ได้ลงคะแนนให้ความคิดใดเลย", en: "The ballot has no votes on it." };
    var method = round.method;
    if (method === "dots") {
      var used = 0;
      for (var i = 0; i < marks.length; i++) {
        if (marks[i].value > round.cap_per_idea) {
          return {
            th: "ให้ดาวความคิดเดียวได้ไม่เกิน " + round.cap_per_idea + " ดวง (บัตรนี้ให้ " + marks[i].value + " ดวง)",
            en: "At most " + round.cap_per_idea + " dots on one idea (this ballot gives " + marks[i].value + ")."
          };
        }
        used += marks[i].value;
      }
      if (used > round.dots_per_voter) {
        return {
          th: "ใช้ดาวเกินจำนวนที่มี: ใช้ " + used + " ดวง จาก " + round.dots_per_voter + " ดวง",
          en: "Over the budget: " + used + " dots used of " + round.dots_per_voter + "."
        };
      }
    } else if (method === "ranking") {
      var seen = {};
      for (var r = 0; r < marks.length; r++) {
        var rank = marks[r].value;
        if (rank < 1 || rank > round.rank_count) {
          return { th: "อันดับต้องอยู่ระหว่าง 1 ถึง " + round.rank_count, en: "Ranks must be from 1 to " + round.rank_count + "." };
        }
        if (seen[rank]) return { th: "อันดับเดียวกันให้ความคิดได้เพียงหนึ่งความคิด", en: "Two ideas have the same rank." };
        seen[rank] = true;
      }
    } else if (method === "criteria") {
      var criteria = round.criteria || [];
      if (!criteria.length) return { th: "รอบนี้ยังไม่มีเกณฑ์การให้คะแนน", en: "This round has no criteria yet." };
      var scored = {};
      marks.forEach(function (mark) {
        scored[mark.idea_id] = (scored[mark.idea_id] || 0) + 1;
      });
      var ids = Object.keys(scored);
      for (var c = 0; c < ids.length; c++) {
        if (scored[ids[c]] !== criteria.length) {
          return {
            th: "ความคิดที่ให้คะแนนต้องได้คะแนนครบทุกเกณฑ์",
            en: "An idea that is scored needs a score on every criterion.",
            ideaId: ids[c]
          };
        }
      }
    }
    return null;
  }

  function setMark(round, key, value) {
    if (value === null) delete draft.marks[key];
    else draft.marks[key] = value;
    draft.dirty = true;
    draft.sent = false;
    ballotNotice = { kind: "changed", text: t("ballotChanged") };
    ballotProblem = round.method === "criteria" ? null : ballotRuleBroken(round, draftMarks(round));
    if (ballotProblem && ballotProblem.th === "ยังไม่ได้ลงคะแนนให้ความคิดใดเลย") ballotProblem = null;
    renderBallot();
  }

  function renderBallot() {
    var section = byId("round");
    if (!section || !state) return;
    var round = state.round;
    clear(section);
    if (!round) {
      draft = null;
      section.hidden = true;
      return;
    }
    section.hidden = false;
    draftFor(round);
    section.setAttribute("data-method", round.method);
    section.appendChild(el("h2", { id: "round-title", text: t("roundTitle", { n: round.number, title: round.title }) }));
    if (state.me && state.me.checked_in === false) {
      // The services refuse the ballot of someone not checked in: say so before they try.
      section.appendChild(el("p", { id: "not-checked-in", className: "notice notice-changed", text: t("notCheckedIn") }));
    }
    var summary = el("p", { id: "ballot-summary", className: "summary" });
    section.appendChild(summary);
    var cards = el("ol", { id: "ballot-cards", className: "ballot" });
    var marks = draftMarks(round);
    if (round.method === "dots") {
      var used = marks.reduce(function (sum, m) { return sum + m.value; }, 0);
      var left = round.dots_per_voter - used;
      section.insertBefore(el("p", { className: "rule", text: t("dotsRule", { budget: round.dots_per_voter, cap: round.cap_per_idea }) }), summary);
      summary.textContent = t("dotsLeft", { left: left, budget: round.dots_per_voter });
      round.cards.forEach(function (card) {
        var count = draft.marks[card.id] || 0;
        var dots = el("span", { className: "dots", "aria-label": t("dots", { n: count }), text: count ? new Array(count + 1).join("●") : "" });
        var counter = el("span", { className: "count", text: String(count) });
        var less = el("button", { type: "button", className: "step", "aria-label": t("less"), text: "−", disabled: count === 0,
          onclick: function () { setMark(round, card.id, count > 1 ? count - 1 : null); } });
        var more = el("button", { type: "button", className: "step", "aria-label": t("more"), text: "+",
          disabled: count >= round.cap_per_idea || left <= 0,
          onclick: function () { setMark(round, card.id, count + 1); } });
        cards.appendChild(el("li", { className: "ballot-card" + (count ? " chosen" : ""), "data-id": card.id }, [
          el("p", { className: "idea-text", text: card.text }),
          el("div", { className: "stepper" }, [less, counter, more, dots])
        ]));
      });
    } else if (round.method === "ranking") {
      var k = round.rank_count;
      section.insertBefore(el("p", { className: "rule", text: t("rankingRule", { k: k }) }), summary);
      summary.textContent = t("rankingLeft", { n: marks.length, k: k });
      round.cards.forEach(function (card) {
        var rank = draft.marks[card.id] || 0;
        var button = el("button", { type: "button", className: "pick" + (rank ? " chosen" : ""), "aria-pressed": rank ? "true" : "false",
          onclick: function () { toggleRank(round, card.id); } }, [
          el("span", { className: "badge", text: rank ? t("rank", { n: rank }) : "" }),
          el("span", { className: "idea-text", text: card.text })
        ]);
        if (!rank && marks.length >= k) button.disabled = true;
        cards.appendChild(el("li", { className: "ballot-card", "data-id": card.id }, [button]));
      });
    } else if (round.method === "criteria") {
      section.insertBefore(el("p", { className: "rule", text: t("criteriaRule", { max: round.scale_max }) }), summary);
      round.cards.forEach(function (card) {
        var rows = (round.criteria || []).map(function (criterion) {
          var key = markKey(card.id, criterion.id);
          var current = Object.prototype.hasOwnProperty.call(draft.marks, key) ? draft.marks[key] : null;
          var buttons = [];
          for (var v = 0; v <= round.scale_max; v++) {
            (function (value) {
              buttons.push(el("button", { type: "button", className: "score" + (current === value ? " chosen" : ""),
                "aria-pressed": current === value ? "true" : "false", text: String(value),
                onclick: function () { setMark(round, key, value); } }));
            })(v);
          }
          return el("div", { className: "criterion" }, [el("p", { className: "criterion-name", text: criterion.name }),
            el("div", { className: "scores", role: "group", "aria-label": criterion.name }, buttons)]);
        });
        var hasAny = Object.keys(draft.marks).some(function (key) { return key.split("|")[0] === card.id; });
        var clearButton = el("button", { type: "button", className: "link", text: t("clearScores"), hidden: !hasAny,
          onclick: function () {
            Object.keys(draft.marks).forEach(function (key) { if (key.split("|")[0] === card.id) delete draft.marks[key]; });
            setMark(round, "", null);
          } });
        var problem = ballotProblem && ballotProblem.ideaId === card.id;
        cards.appendChild(el("li", { className: "ballot-card" + (hasAny ? " chosen" : "") + (problem ? " problem" : ""), "data-id": card.id },
          [el("p", { className: "idea-text", text: card.text })].concat(rows).concat([clearButton])));
      });
    } else { // approval
      section.insertBefore(el("p", { className: "rule", text: t("approvalRule") }), summary);
      round.cards.forEach(function (card) {
        var yes = !!draft.marks[card.id];
        cards.appendChild(el("li", { className: "ballot-card", "data-id": card.id }, [
          el("p", { className: "idea-text", text: card.text }),
          el("button", { type: "button", className: "approve" + (yes ? " chosen" : ""), "aria-pressed": yes ? "true" : "false",
            text: yes ? t("approved") : t("approve"),
            onclick: function () { setMark(round, card.id, yes ? null : 1); } })
        ]));
      });
    }
    section.appendChild(cards);
    var problemNode = el("p", { id: "ballot-problem", className: "notice notice-error", role: "alert", text: ballotProblem ? both(ballotProblem) : "" });
    problemNode.hidden = !ballotProblem;
    section.appendChild(problemNode);
    var send = el("button", { id: "ballot-send", type: "button", className: "primary",
      text: round.my_ballot || draft.sent ? t("changeBallot") : t("sendBallot"),
      onclick: function () { sendBallot(round); } });
    send.disabled = draft.sent && !draft.dirty;
    section.appendChild(send);
    var notice = el("p", { id: "ballot-notice", className: "notice" + (ballotNotice ? " notice-" + ballotNotice.kind : ""), role: "status",
      text: ballotNotice ? ballotNotice.text : "" });
    notice.hidden = !ballotNotice;
    notice.setAttribute("data-kind", ballotNotice ? ballotNotice.kind : "");
    section.appendChild(notice);
  }

  function toggleRank(round, ideaId) {
    var rank = draft.marks[ideaId];
    if (rank) {
      // Taking a card out moves the ones ranked below it up a place.
      delete draft.marks[ideaId];
      Object.keys(draft.marks).forEach(function (key) {
        if (draft.marks[key] > rank) draft.marks[key] -= 1;
      });
      setMark(round, "", null);
    } else {
      setMark(round, ideaId, draftMarks(round).length + 1);
    }
  }

  function sendBallot(round) {
    var marks = draftMarks(round);
    ballotProblem = ballotRuleBroken(round, marks);
    if (ballotProblem) { renderBallot(); return; }
    draft.sentId = submit("ballot", { round_id: round.id, marks: marks });
    ballotNotice = { kind: "sending", text: t("sendingBallot") };
    renderBallot();
  }

  // --- start --------------------------------------------------------------------------

  function applyLanguage() {
    document.documentElement.setAttribute("lang", lang);
    document.title = t("pageTitle");
    var button = byId("language");
    button.textContent = t("otherLanguage");
    button.setAttribute("lang", lang === "th" ? "en" : "th");
  }

  byId("language").addEventListener("click", function () {
    lang = lang === "th" ? "en" : "th";
    store(LANG_KEY, lang);
    applyLanguage();
    renderConnection();
    if (token && state) {
      buildIdeaForm();
      renderIdeas();
      renderBallot();
    } else if (!token) {
      showJoin();
    }
  });

  window.addEventListener("hashchange", function () {
    // A card scanned while the page is open changes only the fragment: the page does
    // not load again by itself, so it starts again as the card's owner.
    var fragment = location.hash ? location.hash.slice(1) : "";
    if (fragment && /^[A-Za-z0-9_-]{16,}$/.test(fragment) && fragment !== token) {
      store(TOKEN_KEY, fragment);
      store(OUTBOX_KEY, null); // the previous owner's unsent items are not this person's
      history.replaceState(null, "", location.pathname + location.search);
      location.reload();
    }
  });

  applyLanguage();
  takeTokenFromAddress();
  renderConnection();
  if (token) {
    startMain();
    loadInfo().catch(function () { /* the title comes with the state too */ });
  } else {
    var firstTry = true;
    var askInfo = function () {
      loadInfo().then(function () {
        if (token) return;
        var form = byId("join-form");
        if (!form || firstTry) { showJoin(); return; }
        // The form is already there, perhaps half typed: only the sectors are filled in.
        var sector = byId("join-sector");
        (info.sectors || []).forEach(function (s) {
          sector.appendChild(el("option", { value: s.id, text: s.name }));
        });
        byId("join-notice").hidden = true;
      }, function () {
        // The laptop is not reachable yet (Wi-Fi just joined, server not started): the
        // form says so, and fills in the sectors once the laptop answers.
        if (firstTry && !token) showJoin(t("cannotReach"));
        firstTry = false;
        setTimeout(askInfo, 3000);
      });
    };
    askInfo();
  }
})();
