#!/usr/bin/env python3
"""What an editor does in a browser, for tests/two-nodes.sh: sign in to the backoffice, rename a product and publish
it, upload and delete an image, read a draft back; and what a visitor does: search, open a page. Plain urllib with a
cookie jar kept in a file between calls, antiforgery tokens read from the forms, redirects not followed (a 302 after
a POST is the answer). Prints one result line; exits non-zero when the server refused."""
import html.parser
import http.cookiejar
import json
import re
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid

TIMEOUT = 30


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def opener(jar_path):
    """A cookie jar kept in `jar_path` between calls; None for a visitor without cookies."""
    jar = http.cookiejar.MozillaCookieJar(jar_path)
    if jar_path is not None:
        try:
            jar.load(ignore_discard=True, ignore_expires=True)
        except FileNotFoundError:
            pass
    return jar, urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), NoRedirect)


def request(open_, url, data=None, headers=None):
    try:
        response = open_.open(urllib.request.Request(url, data=data, headers=headers or {}), timeout=TIMEOUT)
        return response.status, response.read().decode("utf-8", "replace"), response.headers
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8", "replace"), error.headers


class FormReader(html.parser.HTMLParser):
    """The fields of the first form whose action ends with `action`, as a browser would send them (without buttons)."""

    def __init__(self, action):
        super().__init__(convert_charrefs=True)
        self.action, self.inside, self.done = action, False, False
        self.fields, self.select, self.select_first, self.textarea = [], None, None, None
        self.select_chosen = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form" and not self.done and (a.get("action") or "").endswith(self.action):
            self.inside = True
        if not self.inside:
            return
        if tag == "input":
            kind = (a.get("type") or "text").lower()
            if kind in ("submit", "button", "image", "reset", "file") or "name" not in a or "disabled" in a:
                return
            if kind in ("checkbox", "radio") and "checked" not in a:
                return
            self.fields.append([a["name"], a.get("value", "on" if kind in ("checkbox", "radio") else "")])
        elif tag == "select" and "name" in a:
            self.select, self.select_first, self.select_chosen = a["name"], None, False
        elif tag == "option" and self.select is not None:
            value = a.get("value", "")
            if self.select_first is None:
                self.select_first = value
            if "selected" in a and not self.select_chosen:
                self.fields.append([self.select, value])
                self.select_chosen = True
        elif tag == "textarea" and "name" in a:
            self.textarea = [a["name"], ""]

    def handle_endtag(self, tag):
        if not self.inside:
            return
        if tag == "select" and self.select is not None:
            if not self.select_chosen and self.select_first is not None:
                self.fields.append([self.select, self.select_first])
            self.select = None
        elif tag == "textarea" and self.textarea is not None:
            text = self.textarea[1]
            self.fields.append([self.textarea[0], text[1:] if text.startswith("\n") else text])
            self.textarea = None
        elif tag == "form":
            self.inside, self.done = False, True

    def handle_data(self, data):
        if self.textarea is not None:
            self.textarea[1] += data


def form_fields(page, action):
    reader = FormReader(action)
    reader.feed(page)
    if not reader.fields:
        raise SystemExit(f"no form posting to {action} on the page")
    return reader.fields


def token(page):
    return re.search(r'name="__RequestVerificationToken" type="hidden" value="([^"]+)"', page).group(1)


def field(fields, name):
    return next((value for key, value in fields if key == name), None)


def sign_in(base, jar_path, email, password):
    jar, open_ = opener(jar_path)
    _, page, _ = request(open_, base + "/backoffice/login")
    body = urllib.parse.urlencode({"Email": email, "Password": password, "__RequestVerificationToken": token(page)}).encode()
    status, _, headers = request(open_, base + "/backoffice/login", body)
    jar.save(ignore_discard=True, ignore_expires=True)
    if status != 302 or "/login" in (headers.get("Location") or ""):
        raise SystemExit(f"sign-in refused ({status})")
    print("signed in")


def backoffice_status(base, jar_path):
    """200 when the cookie opens the dashboard on this node, 302 when it sends to the sign-in page."""
    _, open_ = opener(jar_path)
    status, _, _ = request(open_, base + "/backoffice")
    print(status)


def draft_name(base, jar_path, product_id):
    """The Indonesian name in the product's edit form: the pending draft if there is one, else the published text."""
    _, open_ = opener(jar_path)
    status, page, _ = request(open_, f"{base}/backoffice/content/products/{product_id}")
    if status != 200:
        raise SystemExit(f"edit form answered {status}")
    print(field(form_fields(page, f"/backoffice/content/products/{product_id}"), "Draft.Name.Indonesian"))


def rename_and_publish(base, jar_path, product_id, word, posting_marker=None):
    """Opens the product's edit form, puts `word` at the end of its Indonesian name and sends "Save & publish".
    With `posting_marker`, creates that file just before the POST goes out (the kill test times its kill from it)."""
    jar, open_ = opener(jar_path)
    action = f"/backoffice/content/products/{product_id}"
    status, page, _ = request(open_, base + action)
    if status != 200:
        raise SystemExit(f"edit form answered {status}")
    fields = form_fields(page, action)
    for pair in fields:
        if pair[0] == "Draft.Name.Indonesian":
            pair[1] = re.sub(r"\s+uji\w+$", "", pair[1]) + " " + word
    fields.append(["intent", "publish"])
    body = urllib.parse.urlencode([tuple(pair) for pair in fields]).encode()
    if posting_marker:
        open(posting_marker, "w").close()
    started = time.perf_counter()
    status, page, headers = request(open_, base + action, body)
    elapsed_ms = (time.perf_counter() - started) * 1000
    if status != 302:
        errors = re.findall(r'class="[^"]*(?:field-validation-error|bo-errors)[^"]*"[^>]*>(.*?)</', page, re.S)
        raise SystemExit(f"publishing answered {status}: {' | '.join(e.strip() for e in errors if e.strip())[:400]}")
    print(f"published in {elapsed_ms:.0f} ms")


def upload(base, jar_path, path):
    """Uploads an image to the media library; prints its id and the signed URL of a variant its edit page shows."""
    jar, open_ = opener(jar_path)
    _, page, _ = request(open_, base + "/backoffice/media")
    boundary = uuid.uuid4().hex
    with open(path, "rb") as f:
        content = f.read()
    name = f"uji-dua-node-{uuid.uuid4().hex[:8]}.jpg"
    parts = []
    for key, value in [("__RequestVerificationToken", token(page)), ("Upload.AltIndonesian", "Foto uji dua node"),
                       ("Upload.FocalXPercent", "50"), ("Upload.FocalYPercent", "50")]:
        parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{key}"\r\n\r\n{value}\r\n'.encode())
    parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="{name}"\r\n'
                 f'Content-Type: image/jpeg\r\n\r\n'.encode() + content + b"\r\n")
    parts.append(f"--{boundary}--\r\n".encode())
    status, _, headers = request(open_, base + "/backoffice/media/upload", b"".join(parts),
                                 {"Content-Type": f"multipart/form-data; boundary={boundary}"})
    location = headers.get("Location") or ""
    match = re.search(r"/backoffice/media/(\d+)", location)
    if status != 302 or not match:
        raise SystemExit(f"upload answered {status}")
    media_id = match.group(1)
    _, page, _ = request(open_, f"{base}/backoffice/media/{media_id}")
    urls = [u.replace("&amp;", "&") for u in re.findall(r'src="(/media/' + media_id + r'/[^"]+sig=[^"]+)"', page)]
    if not urls:
        raise SystemExit("no signed variant URL on the image's page")
    print(media_id, urls[0])


def delete(base, jar_path, media_id):
    jar, open_ = opener(jar_path)
    _, page, _ = request(open_, f"{base}/backoffice/media/{media_id}")
    body = urllib.parse.urlencode({"__RequestVerificationToken": token(page), "confirm": "true"}).encode()
    status, _, _ = request(open_, f"{base}/backoffice/media/{media_id}/delete", body)
    if status != 302:
        raise SystemExit(f"delete answered {status}")
    _, page, _ = request(open_, f"{base}/backoffice/media/{media_id}")
    print("deleted")


def search_total(base, word):
    """How many products the delivery API's search finds for `word` (-1 when it does not answer 200)."""
    _, open_ = opener(None)
    status, body, _ = request(open_, f"{base}/api/v1/search?q={urllib.parse.quote(word)}")
    print(json.loads(body).get("total", 0) if status == 200 else -1)


def product(base, slug):
    """A published product by slug from the delivery API: id and Indonesian name, or 'none'."""
    _, open_ = opener(None)
    status, body, _ = request(open_, f"{base}/api/v1/products/{slug}")
    print(body if status == 200 else "none")


def main():
    command, args = sys.argv[1], sys.argv[2:]
    commands = {
        "sign-in": sign_in, "backoffice-status": backoffice_status, "draft-name": draft_name,
        "rename-and-publish": rename_and_publish, "upload": upload, "delete": delete,
        "search-total": search_total, "product": product,
    }
    commands[command](*args)


if __name__ == "__main__":
    main()
