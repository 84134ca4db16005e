#!/usr/bin/env python3
"""Editing benchmark: how long the backoffice takes to open the new-product form, to save and publish a product
(two photos, one certificate) and until the search API finds it. Runs against a site started by run.sh on
127.0.0.1; every loop is bounded."""
import http.cookiejar, re, statistics, sys, time, urllib.parse, urllib.request

BASE, EMAIL, PASSWORD, ROUNDS = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()), NoRedirect)


def request(path, data=None):
    body = None if data is None else urllib.parse.urlencode(data, doseq=True).encode()
    try:
        response = opener.open(urllib.request.Request(BASE + path, data=body), timeout=30)
        return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


def token(html):
    return re.search(r'name="__RequestVerificationToken" type="hidden" value="([^"]+)"', html).group(1)


_, page = request("/backoffice/login")
status, _ = request("/backoffice/login", {"Email": EMAIL, "Password": PASSWORD, "__RequestVerificationToken": token(page)})
assert status == 302, f"sign-in failed ({status})"

form, publish, searchable = [], [], []
run = int(time.time())
for i in range(ROUNDS):
    started = time.perf_counter()
    _, page = request("/backoffice/content/products/new")
    form.append(time.perf_counter() - started)
    word = f"takaran{run}x{i}"
    data = {
        "__RequestVerificationToken": token(page), "BasedOn": "0", "intent": "publish",
        "Draft.Name.Indonesian": f"Keripik Pisang {word}", "Draft.Name.English": f"Banana chips {word}",
        "Draft.Summary.Indonesian": "Keripik pisang renyah", "Draft.Summary.English": "Crisp banana chips",
        "Draft.ProducerId": "1", "Draft.CategoryId": "2", "Draft.PriceIdr": "15000", "Draft.Unit.Indonesian": "bungkus",
        "Draft.Moq": "1", "Draft.Availability": "InStock", "Draft.Retail": ["true", "false"],
        "Draft.Certifications[0].Type": "Bpom", "Draft.Certifications[0].Number": "MD 224128001234",
        "Draft.Certifications[0].Issuer": "BPOM", "Draft.Certifications[0].IssuedOn": "2025-01-01", "AddMedia": ["1", "2"],
    }
    started = time.perf_counter()
    status, _ = request("/backoffice/content/products/new", data)
    publish.append(time.perf_counter() - started)
    assert status == 302, f"publishing failed ({status})"
    started = time.perf_counter()
    for _ in range(200):  # at most 10 s
        _, found = request(f"/api/v1/search?q={word}")
        if '"total":1' in found:
            break
        time.sleep(0.05)
    else:
        sys.exit(f"{word} was not found by search within 10 s")
    searchable.append(time.perf_counter() - started)


def figures(values):
    return f"median {statistics.median(values) * 1000:.0f} ms, max {max(values) * 1000:.0f} ms"


print(f"rounds: {ROUNDS}")
print(f"open the new-product form:                 {figures(form)}")
print(f"save and publish (2 photos, 1 certificate): {figures(publish)}")
print(f"published until found by the search API:   {figures(searchable)}")
