"""Binary tagger format, read by Sources/Tagger/PerceptronModel.swift. All integers little-endian.

    magic      8 bytes  "CLPNER01"
    labels     u32 count, then each: u16 byte length + UTF-8
    scale      f32      weights were multiplied by this before rounding
    slots      u32      hash-table size (power of two)
    transitions (labels+1) x labels i32  (row `labels` = sentence start; disallowed = INT32_MIN/2)
    keys       slots x u64   FNV-1a 64 of the feature string; 0 = empty slot; linear probing from key & (slots-1)
    weights    slots x labels i16
"""
import struct

import numpy as np

import nerlib

MAGIC = b"CLPNER01"
DISALLOWED = -(2 ** 30)


def quantize(W, T):
    peak = max(np.abs(W).max(), 1e-9)
    scale = 32000.0 / peak
    return scale, np.rint(W * scale).astype(np.int16), np.rint(T * scale).astype(np.int64)


def write(path, labels, features, W, T, allowed, prune=0.0):
    """Quantizes and writes a model. `prune` drops features whose largest weight is below that fraction of the
    model's largest weight (they rarely change a decision and make up most of a character-level model)."""
    scale, Wq, Tq = quantize(W, T)
    floor = max(1, int(round(prune * 32000)))
    peaks = np.abs(Wq.astype(np.int32)).max(axis=1)
    keep = [i for i in range(len(features)) if peaks[i] >= floor]
    hashes = [nerlib.fnv1a64(features[i]) for i in keep]
    trans = np.where(allowed, Tq, DISALLOWED).astype("<i4")
    return write_rows(path, labels, scale, hashes, Wq[keep], trans)


def write_rows(path, labels, scale, hashes, rows, trans):
    """Writes hashed weight rows into the open-addressing table (load factor at most 1/2)."""
    slots = 1
    while slots < 2 * len(hashes):
        slots *= 2
    keys = np.zeros(slots, dtype=np.uint64)
    table = np.zeros((slots, len(labels)), dtype=np.int16)
    mask = slots - 1
    for h, row in zip(hashes, rows):
        slot = h & mask
        while keys[slot] != 0:
            if int(keys[slot]) == h:
                raise SystemExit(f"hash collision on feature hash {h:#x}")
            slot = (slot + 1) & mask
        keys[slot] = h
        table[slot] = row
    with open(path, "wb") as out:
        out.write(MAGIC)
        out.write(struct.pack("<I", len(labels)))
        for name in labels:
            raw = name.encode("utf-8")
            out.write(struct.pack("<H", len(raw)) + raw)
        out.write(struct.pack("<fI", scale, slots))
        out.write(trans.tobytes())
        out.write(keys.astype("<u8").tobytes())
        out.write(table.astype("<i2").tobytes())
        return out.tell()


def read(path, with_scale=False):
    """Returns (labels, transitions int64 array, dict hash -> int16 row), and the scale if asked."""
    with open(path, "rb") as f:
        data = f.read()
    assert data[:8] == MAGIC, "not a tagger model"
    pos = 8
    (count,) = struct.unpack_from("<I", data, pos)
    pos += 4
    labels = []
    for _ in range(count):
        (length,) = struct.unpack_from("<H", data, pos)
        pos += 2
        labels.append(data[pos:pos + length].decode("utf-8"))
        pos += length
    scale, slots = struct.unpack_from("<fI", data, pos)
    pos += 8
    trans = np.frombuffer(data, dtype="<i4", count=(count + 1) * count, offset=pos).reshape(count + 1, count)
    pos += trans.nbytes
    keys = np.frombuffer(data, dtype="<u8", count=slots, offset=pos)
    pos += keys.nbytes
    table = np.frombuffer(data, dtype="<i2", count=slots * count, offset=pos).reshape(slots, count)
    nz = np.nonzero(keys)[0]
    rows = {int(keys[i]): table[i].astype(np.int64) for i in nz}
    if with_scale:
        return labels, trans.astype(np.int64), rows, scale
    return labels, trans.astype(np.int64), rows
