"""Rows of a `.npy` array read from the file when asked for (`pread`), not mapped: a question
reads the float32 vectors of its few candidates only, and a mapping would make each of those
reads map a whole page-cache folio (up to 2 MB for a file just written), so the memory of a
serving process would grow with every question (benchmarks/startup.py: +100 MB for 100 rows)."""

from __future__ import annotations

import os

import numpy as np


class RowFile:
    """A read-only 2-D array on disk that answers `a[i]`, `a[ids]`, `a[start:stop]`, `len(a)`
    and `np.asarray(a)` (the whole array, for a build) by reading just those rows."""

    def __init__(self, path: os.PathLike) -> None:
        with open(path, "rb") as fh:
            major, _ = np.lib.format.read_magic(fh)
            header = np.lib.format.read_array_header_1_0 if major == 1 else np.lib.format.read_array_header_2_0
            shape, fortran, dtype = header(fh)
            self.offset = fh.tell()
        if fortran or len(shape) != 2:
            raise ValueError(f"{path}: not a C-ordered 2-D array")
        self.path, self.shape, self.dtype = os.fspath(path), shape, np.dtype(dtype)
        self.row_bytes = shape[1] * self.dtype.itemsize
        self._fd = os.open(self.path, os.O_RDONLY)  # pread keeps no file position: threads share it

    def __len__(self) -> int:
        return self.shape[0]

    @property
    def nbytes(self) -> int:
        return self.shape[0] * self.row_bytes

    def __getitem__(self, key) -> np.ndarray:
        if isinstance(key, slice):
            start, stop, step = key.indices(self.shape[0])
            return self._run(start, max(start, stop))[::step]
        ids = np.asarray(key)
        if ids.ndim == 0:
            return self[ids.reshape(1)][0]
        if ids.dtype == bool:
            ids = np.flatnonzero(ids)
        ids = np.where(ids < 0, ids + self.shape[0], ids).astype(np.int64)
        if len(ids) and (ids.min() < 0 or ids.max() >= self.shape[0]):
            raise IndexError(f"row out of range for {self.shape[0]} rows")
        return self._rows(ids)

    def take(self, ids, axis: int = 0) -> np.ndarray:
        if axis != 0:
            raise ValueError("rows only")
        return self[ids]

    def __array__(self, dtype=None, copy=None) -> np.ndarray:
        whole = self._run(0, self.shape[0])
        return whole if dtype is None else whole.astype(dtype)

    def _rows(self, ids: np.ndarray) -> np.ndarray:
        """The rows `ids` in that order; each run of consecutive rows is one read."""
        out = np.empty((len(ids), self.shape[1]), self.dtype)
        if len(ids) <= 4:  # a quote's own rows, one hit's cosine: no sorting for so few
            for n, i in enumerate(ids.tolist()):
                out[n] = self._run(i, i + 1)[0]
            return out
        order = np.argsort(ids, kind="stable")
        wanted = ids[order]
        starts = np.flatnonzero(np.diff(wanted, prepend=-2) > 1)  # where each run of consecutive rows begins
        ends = np.append(starts[1:], len(wanted))
        for a, b in zip(starts.tolist(), ends.tolist(), strict=True):
            first = int(wanted[a])
            block = self._run(first, int(wanted[b - 1]) + 1)
            out[order[a:b]] = block[wanted[a:b] - first]
        return out

    def _run(self, start: int, stop: int) -> np.ndarray:
        """Rows start..stop-1, read in pieces of at most 1 GB (one pread returns at most 2 GB)."""
        out = np.empty((stop - start, self.shape[1]), self.dtype)
        if not out.size:
            return out
        view, done, at = memoryview(out).cast("B"), 0, self.offset + start * self.row_bytes
        while done < len(view):
            n = os.preadv(self._fd, [view[done : done + (1 << 30)]], at + done)
            if n <= 0:
                raise OSError(f"{self.path}: the file ends before row {stop}")
            done += n
        return out

    def __del__(self) -> None:
        fd = getattr(self, "_fd", None)
        if fd is not None:
            os.close(fd)
