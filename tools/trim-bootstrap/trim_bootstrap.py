#!/usr/bin/env python3
"""Trims Bootstrap's stylesheet to the rules the portal's markup can use.

Input:  tools/trim-bootstrap/bootstrap.min.css (Bootstrap as released, kept unchanged).
Output: src/CustomerPortal.Web/wwwroot/lib/bootstrap/css/bootstrap.portal.css (committed; the layout links it).

A selector is kept when every class it needs appears as a word in the portal's own sources (.cshtml, .cs,
.js, the seeded Markdown pages), or is one Bootstrap's script adds at run time, or is a theme-colour
variant of a family the code builds from a tone name (StatusBadges: text-{tone}-emphasis, bg-{tone}-subtle, border-{tone}-subtle). Classes
inside :not(...) are not needed for a match. Element, attribute and :root rules stay (reboot, variables).
A rule keeps the selectors that match; @media and @supports keep the rules inside that do; @keyframes
stay when a kept rule names them. Over-keeping is harmless, under-keeping changes a page: when in doubt
a class is kept. Re-run after adding Bootstrap classes to the markup (README, "Cached and compressed"):

    python3 tools/trim-bootstrap/trim_bootstrap.py

Standard library only; no network.
"""
import os
import re
import sys

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
SOURCE = os.path.join(ROOT, "tools", "trim-bootstrap", "bootstrap.min.css")
TARGET = os.path.join(ROOT, "src", "CustomerPortal.Web", "wwwroot", "lib", "bootstrap", "css", "bootstrap.portal.css")
SCANNED = [
    (os.path.join(ROOT, "src"), (".cshtml", ".cs", ".js")),
    (os.path.join(ROOT, "seed"), (".md",)),
]
SKIPPED_DIRS = {"bin", "obj", "lib"}

# Classes bootstrap.bundle.js sets on elements at run time (collapse, dropdown, transitions).
ADDED_BY_SCRIPT = {"show", "showing", "hiding", "collapsing", "fade", "active", "disabled"}
# Families the code completes with a theme colour at run time.
TONE = r"(primary|secondary|success|info|warning|danger|light|dark)"
BUILT_FROM_TONE = re.compile(rf"^(text-{TONE}-emphasis|bg-{TONE}-subtle|border-{TONE}-subtle)$")


def used_words():
    words = set()
    for folder, extensions in SCANNED:
        for directory, dirs, files in os.walk(folder):
            dirs[:] = [d for d in dirs if d not in SKIPPED_DIRS]
            for name in files:
                if name.endswith(extensions):
                    with open(os.path.join(directory, name), encoding="utf-8") as f:
                        words.update(re.findall(r"[A-Za-z][A-Za-z0-9_-]*", f.read()))
    return words


def split_blocks(css):
    """Top-level (prelude, body) pairs; body is None for statements such as @charset."""
    blocks, i, n = [], 0, len(css)
    while i < n:
        if css.startswith("/*", i):
            end = css.index("*/", i) + 2
            blocks.append((css[i:end], None))
            i = end
            continue
        j = i
        while j < n and css[j] not in "{;":
            j += 1
        if j >= n:
            break
        prelude = css[i:j].strip()
        if css[j] == ";":
            blocks.append((prelude + ";", None))
            i = j + 1
            continue
        depth, k = 1, j + 1
        while depth:
            if css[k] == "{":
                depth += 1
            elif css[k] == "}":
                depth -= 1
            k += 1
        blocks.append((prelude, css[j + 1:k - 1]))
        i = k
    return blocks


def split_selectors(prelude):
    parts, depth, start = [], 0, 0
    for index, char in enumerate(prelude):
        if char in "([":
            depth += 1
        elif char in ")]":
            depth -= 1
        elif char == "," and depth == 0:
            parts.append(prelude[start:index])
            start = index + 1
    parts.append(prelude[start:])
    return [p.strip() for p in parts if p.strip()]


def needed_classes(selector):
    without_not = re.sub(r":not\((?:[^()]|\([^()]*\))*\)", "", selector)
    without_attributes = re.sub(r"\[[^\]]*\]", "", without_not)
    return re.findall(r"\.(-?[_a-zA-Z][\w-]*)", without_attributes)


def trim(css, words):
    def kept(name):
        return name in words or name in ADDED_BY_SCRIPT or BUILT_FROM_TONE.match(name)

    out, keyframes = [], []
    for prelude, body in split_blocks(css):
        if body is None:
            out.append(prelude)
        elif prelude.startswith("@keyframes"):
            keyframes.append((prelude, body))
        elif prelude.startswith(("@media", "@supports", "@container", "@layer")):
            inner = trim(body, words)
            if inner:
                out.append(prelude + "{" + inner + "}")
        elif prelude.startswith("@"):
            out.append(prelude + "{" + body + "}")
        else:
            selectors = [s for s in split_selectors(prelude)
                         if "data-bs-theme=dark" not in s and all(kept(c) for c in needed_classes(s))]
            if selectors:
                out.append(",".join(selectors) + "{" + body + "}")
    text = "".join(out)
    for prelude, body in keyframes:
        if re.search(r"\b" + re.escape(prelude.split()[1]) + r"\b", text):
            text += prelude + "{" + body + "}"
    return text


def main():
    with open(SOURCE, encoding="utf-8") as f:
        css = re.sub(r"/\*# sourceMappingURL=[^*]*\*/", "", f.read())
    trimmed = trim(css, used_words())
    # After @charset, which must come first.
    header = "/* Generated by tools/trim-bootstrap/trim_bootstrap.py from Bootstrap's bootstrap.min.css: do not edit. */\n"
    charset = '@charset "UTF-8";'
    body = trimmed[len(charset):] if trimmed.startswith(charset) else trimmed
    with open(TARGET, "w", encoding="utf-8", newline="\n") as f:
        f.write(charset + "\n" + header + body + "\n")
    print(f"{os.path.relpath(TARGET, ROOT)}: {len(trimmed):,} of {len(css):,} characters kept", file=sys.stderr)


if __name__ == "__main__":
    main()
