"""Reads link-preview and search metadata from pages, as crawlers do.

Usage: meta.py BASE_URL FILE... Prints one JSON object: each file's Open
Graph properties and JSON-LD items, read by extruct (not by Folio's own
code), with relative addresses resolved against BASE_URL + the file's
path.
"""
import json
import sys

import extruct


def main():
    base, files = sys.argv[1], sys.argv[2:]
    out = {}
    for rel in files:
        with open(rel.split("::")[0], encoding="utf-8") as f:
            html = f.read()
        url = base + rel.split("::")[1]
        data = extruct.extract(html, base_url=url, syntaxes=["opengraph", "json-ld"], uniform=True)
        out[rel.split("::")[1]] = data
    json.dump(out, sys.stdout)


if __name__ == "__main__":
    main()
