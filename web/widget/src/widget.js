/* MS trial finder chat widget: a chat bubble that talks to a Rasa server over socket.io.
 *
 * Embed with one tag (the build wraps this file and socket.io-client into one script):
 *   <script src="https://host/widget/ms-chat-widget.js" data-server="https://rasa-host" defer></script>
 * Optional attributes: data-title, data-intro, data-socket-path (default /socket.io/),
 * data-keep-minutes (how long the conversation is kept in this browser after the page was last
 * open, default 60), data-open="true" (start open), data-lang (the widget's language, default en).
 *
 * Accessibility: a labelled dialog; new messages are announced once by the log's live region
 * (the typing indicator is hidden from screen readers); suggested replies are one tab stop,
 * moved through with the arrow keys; Escape closes and returns focus to the launcher; nothing
 * times out while the person is thinking; "Larger text" and "High contrast" are remembered.
 *
 * Safety: message text is only ever placed with text nodes / textContent, never parsed as HTML,
 * whether it comes from the person or from the bot. Links are made only for http(s) URLs.
 */
function startWidget(io, script) {
  "use strict";

  var CSS = "__WIDGET_CSS__";
  var MAX_LENGTH = 1000; // characters per message
  var MAX_ITEMS = 200; // transcript items kept in the browser
  var REPLY_TIMEOUT_MS = 30000;

  function attr(name) {
    var value = script ? script.getAttribute(name) : null;
    return value && value.trim() ? value.trim() : null;
  }

  var config = {
    server: attr("data-server"),
    title: attr("data-title") || "MS trial finder",
    intro: attr("data-intro") ||
      "Ask about multiple sclerosis clinical trials. This is information, not medical advice: " +
      "the study team always makes the final decision.",
    path: attr("data-socket-path") || "/socket.io/",
    keepMinutes: parseInt(attr("data-keep-minutes") || "60", 10) || 60,
    startOpen: attr("data-open") === "true",
    lang: /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(attr("data-lang") || "") ? attr("data-lang") : "en"
  };
  if (!config.server || !/^https?:\/\//i.test(config.server)) {
    console.error("ms-chat-widget: set data-server to the Rasa server URL (http:// or https://).");
    return null;
  }

  // ---- state kept across page reloads -------------------------------------------------------
  var STORE_KEY = "ms-trials-chat:" + config.server;
  var OPEN_KEY = STORE_KEY + ":open";
  var DISPLAY_KEY = "ms-trials-chat:display"; // larger text / high contrast, for every chat
  var memory = {};

  function storage(kind) {
    try {
      var s = window[kind];
      s.setItem("ms-trials-chat:probe", "1");
      s.removeItem("ms-trials-chat:probe");
      return s;
    } catch (e) {
      return { // private mode or blocked storage: keep it for this page only
        getItem: function (k) { return k in memory ? memory[k] : null; },
        setItem: function (k, v) { memory[k] = String(v); },
        removeItem: function (k) { delete memory[k]; }
      };
    }
  }
  var local = storage("localStorage");
  var perTab = storage("sessionStorage");

  function newSessionId() {
    var bytes = new Uint8Array(16);
    window.crypto.getRandomValues(bytes);
    return Array.prototype.map.call(bytes, function (b) {
      return ("0" + b.toString(16)).slice(-2);
    }).join("");
  }

  function freshState() {
    return { session: newSessionId(), items: [], updated: Date.now() };
  }

  function loadState() {
    try {
      var saved = JSON.parse(local.getItem(STORE_KEY) || "null");
      var fresh = saved && typeof saved.session === "string" && /^[0-9a-f]{8,64}$/.test(saved.session) &&
        Array.isArray(saved.items) && Date.now() - saved.updated < config.keepMinutes * 60000;
      return fresh ? saved : freshState();
    } catch (e) {
      return freshState();
    }
  }

  function saveState() {
    state.items = state.items.slice(-MAX_ITEMS);
    state.updated = Date.now();
    try { local.setItem(STORE_KEY, JSON.stringify(state)); } catch (e) { /* full: keep in memory */ }
  }

  var state = loadState();

  // The conversation is kept for keepMinutes after the page was last open, however long the
  // person takes to answer: leaving the tab (or reloading it) refreshes the time.
  // Only the time is refreshed: another tab may have written a newer transcript.
  function touch() {
    try {
      var saved = JSON.parse(local.getItem(STORE_KEY) || "null");
      if (!saved || saved.session !== state.session) return;
      saved.updated = Date.now();
      local.setItem(STORE_KEY, JSON.stringify(saved));
    } catch (e) { /* unreadable or full: nothing to refresh */ }
  }
  window.addEventListener("pagehide", touch);
  document.addEventListener("visibilitychange", touch);
  setInterval(touch, 60000);

  // ---- DOM helpers: text only, never innerHTML ----------------------------------------------
  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text != null) node.textContent = text;
    return node;
  }

  var RICH = /\*\*([^*\n]+)\*\*|(https?:\/\/[^\s<>"']+)/g;

  /* Appends `text` to `parent`: **bold** becomes <strong>, http(s) URLs become links. */
  function appendRich(parent, text) {
    var last = 0;
    var match;
    RICH.lastIndex = 0;
    while ((match = RICH.exec(text)) !== null) {
      if (match.index > last) parent.appendChild(document.createTextNode(text.slice(last, match.index)));
      if (match[1] !== undefined) {
        parent.appendChild(el("strong", {}, match[1]));
      } else {
        var url = match[2].replace(/[.,;:!?)\]]+$/, "");
        var link = el("a", { href: url, target: "_blank", rel: "noopener noreferrer nofollow" }, url);
        parent.appendChild(link);
        if (url.length < match[2].length) {
          parent.appendChild(document.createTextNode(match[2].slice(url.length)));
        }
      }
      last = RICH.lastIndex;
    }
    if (last < text.length) parent.appendChild(document.createTextNode(text.slice(last)));
  }

  function clock(at) {
    var date = new Date(at);
    return el("time", { datetime: date.toISOString(), title: date.toLocaleString() },
      date.toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" }));
  }

  // ---- building the widget ------------------------------------------------------------------
  var host = el("div", { "data-ms-chat-widget": "", lang: config.lang });
  var shadow = host.attachShadow({ mode: "open" });
  try {
    var sheet = new CSSStyleSheet();
    sheet.replaceSync(CSS);
    shadow.adoptedStyleSheets = [sheet];
  } catch (e) {
    shadow.appendChild(el("style", {}, CSS));
  }

  var root = el("div", { "class": "root", lang: config.lang });
  var launcher = el("button", {
    "class": "launcher", type: "button", "aria-expanded": "false", "aria-controls": "panel",
    "aria-label": "Open chat: " + config.title
  });
  launcher.appendChild(chatIcon());
  launcher.appendChild(el("span", { "class": "dot", "aria-hidden": "true" }));

  var panel = el("section", {
    "class": "panel", id: "panel", role: "dialog", "aria-modal": "false", "aria-labelledby": "title"
  });
  panel.hidden = true;
  var header = el("header");
  header.appendChild(el("h2", { id: "title" }, config.title));
  var restartButton = el("button", { type: "button", "class": "restart",
    "aria-label": "New chat (clears this conversation from this browser)" }, "New chat");
  var closeButton = el("button", { type: "button", "class": "close", "aria-label": "Close chat" }, "\u00d7");
  header.appendChild(restartButton);
  header.appendChild(closeButton);

  // Display settings, remembered in this browser (aria-pressed toggle buttons).
  var prefs = el("div", { "class": "prefs", role: "group", "aria-label": "Display" });
  var largeButton = el("button", { type: "button", "class": "pref", "data-pref": "large",
    "aria-pressed": "false" }, "Larger text");
  var contrastButton = el("button", { type: "button", "class": "pref", "data-pref": "contrast",
    "aria-pressed": "false" }, "High contrast");
  prefs.appendChild(largeButton);
  prefs.appendChild(contrastButton);

  var intro = el("p", { "class": "intro" }, config.intro);
  var log = el("div", {
    "class": "log", role: "log", "aria-live": "polite", "aria-relevant": "additions",
    "aria-label": "Conversation", tabindex: "0"
  });
  // Only a visual hint: screen readers hear the reply itself, not "typing" every turn.
  var typing = el("div", { "class": "typing", "aria-hidden": "true" });
  var dots = el("span", { "class": "dots", "aria-hidden": "true" });
  dots.appendChild(el("span"));
  dots.appendChild(el("span"));
  dots.appendChild(el("span"));
  typing.appendChild(dots);
  typing.appendChild(el("span", {}, "The assistant is typing\u2026"));
  typing.hidden = true;
  var status = el("p", { "class": "status", role: "status" });

  var form = el("form", { "class": "composer", autocomplete: "off" });
  var label = el("label", { "for": "message", "class": "sr" }, "Your message");
  var input = el("input", {
    id: "message", type: "text", maxlength: String(MAX_LENGTH), enterkeyhint: "send",
    placeholder: "Type your message\u2026", "aria-describedby": "limit"
  });
  var limitNote = el("span", { id: "limit", "class": "sr" },
    "Up to " + MAX_LENGTH + " characters. Press Enter to send.");
  var sendButton = el("button", { type: "submit", "class": "send" }, "Send");
  form.appendChild(label);
  form.appendChild(input);
  form.appendChild(limitNote);
  form.appendChild(sendButton);

  panel.appendChild(header);
  panel.appendChild(prefs);
  panel.appendChild(intro);
  panel.appendChild(log);
  panel.appendChild(typing);
  panel.appendChild(status);
  panel.appendChild(form);
  root.appendChild(panel);
  root.appendChild(launcher);
  shadow.appendChild(root);

  function chatIcon() {
    var ns = "http://www.w3.org/2000/svg";
    var svg = document.createElementNS(ns, "svg");
    svg.setAttribute("viewBox", "0 0 24 24");
    svg.setAttribute("width", "28");
    svg.setAttribute("height", "28");
    svg.setAttribute("aria-hidden", "true");
    svg.setAttribute("focusable", "false");
    var path = document.createElementNS(ns, "path");
    path.setAttribute("fill", "currentColor");
    path.setAttribute("d", "M4 3h16a2 2 0 0 1 2 2v11a2 2 0 0 1-2 2H9l-5 4v-4H4a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2zm3 6.5a1.5 1.5 0 1 0 0 3 1.5 1.5 0 0 0 0-3zm5 0a1.5 1.5 0 1 0 0 3 1.5 1.5 0 0 0 0-3zm5 0a1.5 1.5 0 1 0 0 3 1.5 1.5 0 0 0 0-3z");
    svg.appendChild(path);
    return svg;
  }

  // ---- transcript -----------------------------------------------------------------------
  var WHO = { bot: "Assistant said:", user: "You said:" };

  function renderItem(item, index) {
    if (item.who === "note") {
      log.appendChild(el("p", { "class": "note" }, item.text));
      return;
    }
    var row = el("div", { "class": "msg " + item.who, "data-index": String(index) });
    row.appendChild(el("span", { "class": "sr" }, WHO[item.who] + " "));
    if (item.text) {
      var bubble = el("div", { "class": "bubble" });
      if (item.who === "bot") appendRich(bubble, item.text);
      else bubble.textContent = item.text; // the person's words exactly as typed
      row.appendChild(bubble);
    }
    if (item.image) {
      row.appendChild(el("img", { "class": "image", src: item.image, alt: "Image from the assistant" }));
    }
    row.appendChild(clock(item.at));
    if (item.choices && item.choices.length) {
      var group = el("div", { "class": "chips", role: "group", "aria-label": "Suggested replies" });
      item.choices.forEach(function (choice, i) {
        // One tab stop per group (the first chip); the arrow keys move between the chips.
        var chip = el("button", { type: "button", tabindex: i === 0 ? "0" : "-1" }, choice.title);
        if (item.answered) {
          chip.disabled = true;
          if (item.chosen === i) chip.className = "chosen";
        }
        chip.addEventListener("click", function () { choose(item, i); });
        group.appendChild(chip);
      });
      group.addEventListener("keydown", moveBetweenChips);
      row.appendChild(group);
    }
    log.appendChild(row);
  }

  var NEXT = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 };

  function moveBetweenChips(event) {
    var chips = Array.prototype.filter.call(this.querySelectorAll("button"), function (c) {
      return !c.disabled;
    });
    var at = chips.indexOf(event.target);
    if (at < 0 || event.altKey || event.ctrlKey || event.metaKey) return;
    var to;
    if (event.key in NEXT) to = (at + NEXT[event.key] + chips.length) % chips.length;
    else if (event.key === "Home") to = 0;
    else if (event.key === "End") to = chips.length - 1;
    else return;
    event.preventDefault();
    chips.forEach(function (c, i) { c.setAttribute("tabindex", i === to ? "0" : "-1"); });
    chips[to].focus();
  }

  function addItem(item) {
    item.at = item.at || Date.now();
    state.items.push(item);
    saveState();
    renderItem(item, state.items.length - 1);
    log.scrollTop = log.scrollHeight;
  }

  function closeChoices(chosenItem, chosenIndex) {
    state.items.forEach(function (item, index) {
      if (!item.choices || item.answered) return;
      item.answered = true;
      if (item === chosenItem) item.chosen = chosenIndex;
      var row = log.querySelector('[data-index="' + index + '"]');
      if (!row) return;
      Array.prototype.forEach.call(row.querySelectorAll(".chips button"), function (chip, i) {
        chip.disabled = true;
        if (item === chosenItem && i === chosenIndex) chip.className = "chosen";
      });
    });
  }

  // ---- talking to Rasa --------------------------------------------------------------------
  var socket = null;
  var confirmed = false;
  var outbox = [];
  var replyTimer = null;

  function setStatus(text) { status.textContent = text || ""; }

  function connect() {
    if (socket) return;
    socket = io(config.server, { path: config.path, reconnectionDelayMax: 10000 });
    socket.on("connect", function () {
      confirmed = false;
      socket.emit("session_request", { session_id: state.session });
    });
    socket.on("session_confirm", function (reply) {
      var id = typeof reply === "string" ? reply : reply && reply.session_id;
      if (id && id !== state.session && /^[0-9a-zA-Z_-]{1,64}$/.test(id)) {
        state.session = id;
        saveState();
      }
      confirmed = true;
      setStatus("");
      flush();
    });
    socket.on("bot_uttered", onBotMessage);
    socket.on("connect_error", function () {
      setStatus("Can\u2019t reach the assistant right now. Trying again\u2026");
    });
    socket.on("disconnect", function (reason) {
      confirmed = false;
      if (reason !== "io client disconnect") setStatus("Connection lost. Reconnecting\u2026");
    });
  }

  function flush() {
    if (!socket || !confirmed) return;
    while (outbox.length) {
      socket.emit("user_uttered", { message: outbox.shift(), session_id: state.session });
      waitForReply();
    }
  }

  function waitForReply() {
    typing.hidden = false;
    clearTimeout(replyTimer);
    replyTimer = setTimeout(function () {
      typing.hidden = true;
      addItem({ who: "note", text: "The assistant has not answered yet. Please try again in a moment." });
    }, REPLY_TIMEOUT_MS);
  }

  function validChoices(list) {
    if (!Array.isArray(list)) return [];
    return list.filter(function (c) {
      return c && typeof c.title === "string" && c.title.trim() && (typeof c.payload === "string" || typeof c.payload === "number");
    }).map(function (c) { return { title: c.title, payload: String(c.payload) }; });
  }

  function onBotMessage(data) {
    if (!data || typeof data !== "object") return;
    var text = typeof data.text === "string" ? data.text : "";
    var choices = validChoices(data.quick_replies).length ? validChoices(data.quick_replies) : validChoices(data.buttons);
    var image = data.attachment && data.attachment.type === "image" && data.attachment.payload &&
      typeof data.attachment.payload.src === "string" && /^https?:\/\//i.test(data.attachment.payload.src)
      ? data.attachment.payload.src : null;
    if (!text && !choices.length && !image) return;
    clearTimeout(replyTimer);
    typing.hidden = true;
    addItem({ who: "bot", text: text, choices: choices, image: image });
    if (panel.hidden) {
      launcher.classList.add("unread");
      launcher.setAttribute("aria-label", "Open chat: " + config.title + " (new message)");
    }
  }

  function send(payload, shown) {
    closeChoices(null, -1);
    addItem({ who: "user", text: shown });
    outbox.push(payload);
    connect();
    if (confirmed) flush();
    else setStatus("Connecting\u2026 your message will be sent as soon as the assistant is reachable.");
  }

  function choose(item, index) {
    if (item.answered) return;
    var choice = item.choices[index];
    closeChoices(item, index);
    send(choice.payload, choice.title);
    input.focus();
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var text = input.value.trim();
    if (!text) {
      setStatus("Please type a message first.");
      input.focus();
      return;
    }
    input.value = "";
    send(text.slice(0, MAX_LENGTH), text.slice(0, MAX_LENGTH));
  });

  input.addEventListener("input", function () {
    if (status.textContent === "Please type a message first.") setStatus("");
    if (input.value.length >= MAX_LENGTH) {
      setStatus("That is the longest message I can take (" + MAX_LENGTH + " characters).");
    }
  });

  // ---- opening, closing, starting over ----------------------------------------------------
  function setOpen(open, moveFocus) {
    panel.hidden = !open;
    root.classList.toggle("open", open);
    launcher.setAttribute("aria-expanded", String(open));
    perTab.setItem(OPEN_KEY, open ? "1" : "0");
    if (open) {
      launcher.classList.remove("unread");
      launcher.setAttribute("aria-label", "Close chat: " + config.title);
      connect();
      log.scrollTop = log.scrollHeight;
      if (moveFocus) input.focus();
    } else {
      launcher.setAttribute("aria-label", "Open chat: " + config.title);
      if (moveFocus) launcher.focus();
    }
  }

  function loadDisplay() {
    try {
      var saved = JSON.parse(local.getItem(DISPLAY_KEY) || "{}");
      return { large: saved.large === true, contrast: saved.contrast === true };
    } catch (e) {
      return { large: false, contrast: false };
    }
  }

  var display = loadDisplay();

  function applyDisplay() {
    root.classList.toggle("large", display.large);
    root.classList.toggle("contrast", display.contrast);
    largeButton.setAttribute("aria-pressed", String(display.large));
    contrastButton.setAttribute("aria-pressed", String(display.contrast));
  }

  [largeButton, contrastButton].forEach(function (button) {
    button.addEventListener("click", function () {
      var key = button.getAttribute("data-pref");
      display[key] = !display[key];
      try { local.setItem(DISPLAY_KEY, JSON.stringify(display)); } catch (e) { /* keep for now */ }
      applyDisplay();
    });
  });
  applyDisplay();

  launcher.addEventListener("click", function () { setOpen(panel.hidden, true); });
  closeButton.addEventListener("click", function () { setOpen(false, true); });
  panel.addEventListener("keydown", function (event) {
    if (event.key === "Escape") {
      event.stopPropagation();
      setOpen(false, true);
    }
  });
  restartButton.addEventListener("click", function () {
    state = freshState();
    saveState();
    outbox = [];
    clearTimeout(replyTimer);
    typing.hidden = true;
    while (log.firstChild) log.removeChild(log.firstChild);
    if (socket) {
      socket.disconnect();
      socket = null;
      confirmed = false;
    }
    connect();
    setStatus("");
    input.focus();
  });

  // Earlier messages are drawn before the widget joins the page, so screen readers do not
  // read the whole conversation again after a reload.
  state.items.forEach(renderItem);
  var startOpen = perTab.getItem(OPEN_KEY) === "1" || (perTab.getItem(OPEN_KEY) === null && config.startOpen);
  document.body.appendChild(host);
  if (state.items.length) connect(); // a conversation is going on: replies may still arrive
  setOpen(startOpen, false);

  return {
    open: function () { setOpen(true, true); },
    close: function () { setOpen(false, true); },
    session: function () { return state.session; }
  };
}
