"""The HTML view in a real browser: Debian chromium, headless, offline, driven over the DevTools protocol.

A tiny standard-library WebSocket client speaks the DevTools protocol (no playwright, no selenium: they
would download their own browser).  Each page is opened from disk with the network emulated offline and
every request recorded.  Set ``NEWSGRAPH_UPDATE_SCREENSHOT=1`` to rewrite docs/seed-graph.png.
"""

from __future__ import annotations

import base64
import json
import os
import shutil
import socket
import struct
import subprocess
import tempfile
import time
import urllib.request
import zlib
from pathlib import Path
from typing import Any

import pytest

from conftest import ROOT, SEED_ARTICLE, need_shared, stop_process
from newsgraph.render import render_html
from seedgraph import gold_extraction, to_graph
from test_render import XSS, xss_graph

pytestmark = pytest.mark.browser

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--disable-default-apps", "--disable-extensions", "--hide-scrollbars", "--window-size=1280,860",
         "--host-resolver-rules=MAP * ~NOTFOUND", "--remote-debugging-port=0", "--remote-allow-origins=*"]


class DevTools:
    """One page of a headless chromium, spoken to over a WebSocket (RFC 6455 client frames, masked)."""

    def __init__(self, ws_url: str) -> None:
        host_port, path = ws_url.removeprefix("ws://").split("/", 1)
        host, port = host_port.split(":")
        self.sock = socket.create_connection((host, int(port)), timeout=30)
        key = base64.b64encode(os.urandom(16)).decode()
        self.sock.sendall((f"GET /{path} HTTP/1.1\r\nHost: {host_port}\r\nUpgrade: websocket\r\n"
                           f"Connection: Upgrade\r\nSec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n")
                          .encode())
        head = b""
        while b"\r\n\r\n" not in head:
            chunk = self.sock.recv(1)
            if not chunk:
                raise ConnectionError("DevTools closed the connection during the handshake")
            head += chunk
        if b" 101 " not in head.split(b"\r\n", 1)[0]:
            raise ConnectionError(head.decode(errors="replace"))
        self.next_id = 0
        self.events: list[dict[str, Any]] = []

    def _recv_exact(self, n: int) -> bytes:
        buf = b""
        while len(buf) < n:
            chunk = self.sock.recv(n - len(buf))
            if not chunk:
                raise ConnectionError("DevTools connection closed")
            buf += chunk
        return buf

    def _recv_message(self) -> dict[str, Any]:
        payload = b""
        while True:
            b0, b1 = self._recv_exact(2)
            length = b1 & 0x7F
            if length == 126:
                length = struct.unpack(">H", self._recv_exact(2))[0]
            elif length == 127:
                length = struct.unpack(">Q", self._recv_exact(8))[0]
            payload += self._recv_exact(length)
            if b0 & 0x80:  # FIN
                return json.loads(payload)

    def _frame(self, data: bytes) -> None:
        mask = os.urandom(4)
        header = bytes([0x81])
        if len(data) < 126:
            header += bytes([0x80 | len(data)])
        elif len(data) < 65536:
            header += bytes([0x80 | 126]) + struct.pack(">H", len(data))
        else:
            header += bytes([0x80 | 127]) + struct.pack(">Q", len(data))
        self.sock.sendall(header + mask + bytes(b ^ mask[i % 4] for i, b in enumerate(data)))

    def _post(self, method: str, params: dict[str, Any] | None = None) -> int:
        self.next_id += 1
        self._frame(json.dumps({"id": self.next_id, "method": method, "params": params or {}}).encode())
        return self.next_id

    def send(self, method: str, params: dict[str, Any] | None = None, *, timeout: float = 30) -> dict[str, Any]:
        """Call a DevTools method and wait for its answer, recording the events that arrive meanwhile."""
        want = self._post(method, params)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            msg = self._recv_message()
            if msg.get("id") == want:
                if "error" in msg:
                    raise RuntimeError(f"{method}: {msg['error']}")
                return msg.get("result", {})
            if "method" in msg:
                self.events.append(msg)
                if msg["method"] == "Page.javascriptDialogOpening":  # answer it, or the page stays blocked
                    self._post("Page.handleJavaScriptDialog", {"accept": True})
        raise TimeoutError(method)

    def evaluate(self, expression: str) -> Any:
        result = self.send("Runtime.evaluate", {"expression": expression, "returnByValue": True,
                                                "awaitPromise": True})
        if "exceptionDetails" in result:
            raise RuntimeError(result["exceptionDetails"])
        return result["result"].get("value")

    def wait_for(self, expression: str, *, timeout: float = 20) -> Any:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            value = self.evaluate(expression)
            if value:
                return value
            time.sleep(0.1)
        raise TimeoutError(expression)

    def close(self) -> None:
        self.sock.close()


@pytest.fixture(scope="module")
def browser():
    if CHROMIUM is None:
        pytest.skip("chromium is not installed (bash scripts/setup --browser installs Debian's chromium)")
    profile = tempfile.mkdtemp(prefix="newsgraph-chromium-")
    proc = subprocess.Popen([CHROMIUM, *FLAGS, f"--user-data-dir={profile}", "about:blank"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        port_file = Path(profile) / "DevToolsActivePort"
        deadline = time.monotonic() + 30
        while not port_file.exists() or not port_file.read_text().strip():
            if time.monotonic() > deadline or proc.poll() is not None:
                pytest.fail("chromium did not start its DevTools endpoint")
            time.sleep(0.1)
        port = int(port_file.read_text().split()[0])
        yield port
    finally:
        stop_process(proc)
        shutil.rmtree(profile, ignore_errors=True)


def open_page(port: int, path: Path) -> tuple[DevTools, dict[str, Any]]:
    """Open a file in a fresh tab, offline; return the tab and what happened while it loaded."""
    request = urllib.request.Request(f"http://127.0.0.1:{port}/json/new?about:blank", method="PUT")
    with urllib.request.urlopen(request) as resp:
        target = json.loads(resp.read())
    dt = DevTools(target["webSocketDebuggerUrl"])
    for domain in ("Page", "Runtime", "Log", "Network"):
        dt.send(f"{domain}.enable")
    dt.send("Network.emulateNetworkConditions", {"offline": True, "latency": 0, "downloadThroughput": -1,
                                                 "uploadThroughput": -1})
    dt.send("Emulation.setDeviceMetricsOverride", {"width": 1280, "height": 860, "deviceScaleFactor": 1,
                                                  "mobile": False})
    dt.send("Page.navigate", {"url": path.resolve().as_uri()})
    dt.wait_for("document.readyState === 'complete' && document.body.getAttribute('data-drawn') === 'true'")
    dt.wait_for("document.body.getAttribute('data-stabilized') === 'true' || "
                "!window.newsgraphNetwork.physics.options.enabled", timeout=30)
    time.sleep(0.3)
    dt.evaluate("1")  # drain events that arrived meanwhile
    report = {
        "requests": [e["params"]["request"]["url"] for e in dt.events
                     if e.get("method") == "Network.requestWillBeSent"],
        "failed": [e["params"] for e in dt.events if e.get("method") == "Network.loadingFailed"],
        "exceptions": [e["params"] for e in dt.events if e.get("method") == "Runtime.exceptionThrown"],
        "console_errors": [e["params"] for e in dt.events if e.get("method") == "Runtime.consoleAPICalled"
                           and e["params"].get("type") in ("error", "assert")],
        "log_errors": [e["params"]["entry"] for e in dt.events if e.get("method") == "Log.entryAdded"
                       and e["params"]["entry"].get("level") == "error"],
        "dialogs": [e["params"] for e in dt.events if e.get("method") == "Page.javascriptDialogOpening"],
    }
    return dt, report


def png_pixels(png: bytes) -> tuple[int, int, list[bytes]]:
    """Decode an 8-bit RGB/RGBA PNG (what chromium writes) into rows of raw pixel bytes."""
    if png[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("not a PNG")
    pos, idat, width = 8, b"", 0
    height = bpp = 0
    while pos < len(png):
        length, kind = struct.unpack(">I4s", png[pos:pos + 8])
        body = png[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour = struct.unpack(">IIBB", body[:10])
            if depth != 8 or colour not in (2, 6):
                raise ValueError(f"unsupported PNG depth {depth} colour type {colour}")
            bpp = 3 if colour == 2 else 4
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    raw = zlib.decompress(idat)
    stride = width * bpp
    rows: list[bytes] = []
    prev = bytearray(stride)
    for y in range(height):
        f = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        if f == 1:
            for i in range(bpp, stride):
                line[i] = (line[i] + line[i - bpp]) & 0xFF
        elif f == 2:
            line = bytearray((a + b) & 0xFF for a, b in zip(line, prev, strict=True))
        elif f == 3:
            for i in range(stride):
                left = line[i - bpp] if i >= bpp else 0
                line[i] = (line[i] + ((left + prev[i]) >> 1)) & 0xFF
        elif f == 4:
            for i in range(stride):
                a = line[i - bpp] if i >= bpp else 0
                b, c = prev[i], prev[i - bpp] if i >= bpp else 0
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 0xFF
        rows.append(bytes(line))
        prev = line
    return width, bpp, rows


def non_background(png: bytes) -> int:
    """How many pixels differ from the white page background."""
    width, bpp, rows = png_pixels(png)
    count = 0
    for row in rows:
        for x in range(width):
            r, g, b = row[x * bpp:x * bpp + 3]
            if r < 245 or g < 245 or b < 245:
                count += 1
    return count


@pytest.fixture(scope="module")
def seed_page(tmp_path_factory):
    gold = need_shared("eval", "gold", "000_bbdb7bd5d11f476f.json")
    path = tmp_path_factory.mktemp("view") / "seed.html"
    render_html(to_graph([gold_extraction(gold, SEED_ARTICLE)]), path)
    return path


def test_seed_page_draws_offline_without_errors(browser, seed_page):
    dt, report = open_page(browser, seed_page)
    try:
        assert report["exceptions"] == [] and report["console_errors"] == [] and report["log_errors"] == []
        assert report["failed"] == []
        assert all(url.startswith(("file:", "data:")) for url in report["requests"]), report["requests"]
        # the canvas holds drawn pixels (read back from the canvas itself)
        drawn = dt.evaluate("""(() => { const c = document.querySelector('#graph canvas');
            const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data; let n = 0;
            for (let i = 3; i < d.length; i += 4) if (d[i] > 0) n++; return n; })()""")
        assert drawn > 5000
        # labels are drawn on the canvas: it inherits the container's right-to-left direction
        assert dt.evaluate("getComputedStyle(document.querySelector('#graph canvas')).direction") == "rtl"
        # the screenshot is not blank either: a clipped window of the graph area
        shot = dt.send("Page.captureScreenshot", {"format": "png", "clip": {"x": 340, "y": 200, "width": 600,
                                                                             "height": 400, "scale": 1}})
        assert non_background(base64.b64decode(shot["data"])) > 2000
        if os.environ.get("NEWSGRAPH_UPDATE_SCREENSHOT"):
            full = dt.send("Page.captureScreenshot", {"format": "png"})
            (ROOT / "docs").mkdir(exist_ok=True)
            (ROOT / "docs" / "seed-graph.png").write_bytes(base64.b64decode(full["data"]))
    finally:
        dt.close()


def test_seed_page_tooltips_show_cue_content_and_article(browser, seed_page):
    dt, _ = open_page(browser, seed_page)
    try:
        titles = dt.evaluate("window.newsgraphNetwork.body.data.edges.get().map(e => e.title.textContent)")
        ru_mod = [t for t in titles if "وزارة الدفاع الروسية" in t and "داعش" in t and "أعلنت" in t]
        assert ru_mod and "000_bbdb7bd5d11f476f" in ru_mod[0] and "الطيران الحربي الروسي" in ru_mod[0]
        # hover the most quoted speaker: vis-network shows its tooltip as DOM text
        x, y = dt.evaluate("""(() => { const net = window.newsgraphNetwork;
            const p = net.canvasToDOM(net.getPositions(['us_official'])['us_official']);
            const r = document.getElementById('graph').getBoundingClientRect();
            return [p.x + r.left, p.y + r.top]; })()""")
        for dx in (0, 1):
            dt.send("Input.dispatchMouseEvent", {"type": "mouseMoved", "x": x + dx, "y": y})
            time.sleep(0.4)
        tip = dt.wait_for("(() => { const t = document.querySelector('div.vis-tooltip');"
                          " return t && t.style.visibility !== 'hidden' && t.textContent; })()", timeout=5)
        assert "مسؤول أميركي" in tip and "statements made: 12" in tip
    finally:
        dt.close()


def test_article_markup_is_inert_in_the_browser(browser, tmp_path):
    path = render_html(xss_graph(), tmp_path / "xss.html")
    dt, report = open_page(browser, path)
    try:
        assert report["dialogs"] == [], "an alert() ran"
        assert dt.evaluate("document.querySelectorAll('img').length") == 0
        assert dt.evaluate("document.querySelectorAll('b, i').length") == 0
        assert report["exceptions"] == []
        assert all(url.startswith(("file:", "data:")) for url in report["requests"]), report["requests"]
        titles = dt.evaluate("window.newsgraphNetwork.body.data.edges.get().map(e => e.title.textContent)")
        assert any(XSS in t for t in titles), "the quoted markup is shown as text"
    finally:
        dt.close()
