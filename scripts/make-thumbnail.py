"""Draws public/images/python.png, the article thumbnail (original artwork for this project).

A stop-sign octagon holding a terminal prompt, on a two-tone background: "halting a script".
Pure standard library (zlib + struct) so it runs anywhere python3 does:
    python3 scripts/make-thumbnail.py
"""
import math
import struct
import zlib

W, H = 1200, 630
SS = 2  # supersampling per axis for smooth edges


def octagon_inside(x, y, cx, cy, r):
    # Regular octagon with flat top: inside if within r along the 4 axis pairs (0, 45, 90, 135 deg).
    dx, dy = x - cx, y - cy
    for a in (0.0, math.pi / 4, math.pi / 2, 3 * math.pi / 4):
        if abs(dx * math.cos(a) + dy * math.sin(a)) > r:
            return False
    return True


def in_chevron(x, y, ox, oy, s):
    # A ">" made of two thick strokes from (ox, oy) to (ox+s, oy+s) and back to (ox, oy+2s).
    def seg_dist(px, py, ax, ay, bx, by):
        vx, vy = bx - ax, by - ay
        t = max(0.0, min(1.0, ((px - ax) * vx + (py - ay) * vy) / (vx * vx + vy * vy)))
        return math.hypot(px - ax - t * vx, py - ay - t * vy)

    w = s * 0.22
    return (seg_dist(x, y, ox, oy, ox + s, oy + s) < w) or (seg_dist(x, y, ox + s, oy + s, ox, oy + 2 * s) < w)


def colour(x, y):
    cx, cy, r = 600, 315, 215
    # background: deep blue to teal diagonal, with faint code lines
    t = (x / W + y / H) / 2
    bg = (int(18 + 10 * t), int(40 + 50 * t), int(82 + 40 * t))
    if 60 < x < 380 and int(y) % 48 < 10 and int(y) // 48 % 2 == 0 and x < 60 + (int(y) * 37 % 300):
        bg = (52, 92, 140)
    if 820 < x < 1140 and int(y + 24) % 48 < 10 and (int(y) // 48) % 2 == 1 and x > 1140 - (int(y) * 53 % 300):
        bg = (52, 92, 140)
    if octagon_inside(x, y, cx, cy, r + 14):
        if not octagon_inside(x, y, cx, cy, r):
            return (245, 245, 245)
        if in_chevron(x, y, cx - 120, cy - 95, 95):
            return (255, 255, 255)
        if cx + 10 < x < cx + 140 and cy + 55 < y < cy + 95:
            return (255, 212, 59)  # the cursor, in the yellow of a warning light
        return (198, 40, 40)
    return bg


def main():
    rows = []
    for j in range(H):
        row = bytearray([0])
        for i in range(W):
            acc = [0, 0, 0]
            for sj in range(SS):
                for si in range(SS):
                    c = colour(i + (si + 0.5) / SS, j + (sj + 0.5) / SS)
                    acc[0] += c[0]
                    acc[1] += c[1]
                    acc[2] += c[2]
            row += bytes(v // (SS * SS) for v in acc)
        rows.append(bytes(row))
    raw = b"".join(rows)

    def chunk(tag, data):
        return struct.pack(">I", len(data)) + tag + data + struct.pack(">I", zlib.crc32(tag + data) & 0xFFFFFFFF)

    png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", W, H, 8, 2, 0, 0, 0))
    png += chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b"")
    with open("public/images/python.png", "wb") as f:
        f.write(png)


if __name__ == "__main__":
    main()
