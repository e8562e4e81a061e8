"""A package encrypted to the gemeente's public key as a stream (package format 2).

Format 1 (still read): MAGIC_1 followed by one libsodium sealed box of the whole zip. A
sealed box needs the whole message in memory, so format 2 uses libsodium's own construction
for files instead (both through PyNaCl, nothing hand-made):

    MAGIC_2
    sealed box (crypto_box_seal to the gemeente key) of a random 32-byte file key   80 bytes
    crypto_secretstream_xchacha20poly1305 header                                    24 bytes
    the zip in chunks of CHUNK bytes, each pushed with secretstream (+17 bytes), the
    last one (possibly empty) tagged TAG_FINAL

secretstream authenticates every chunk and their order, and TAG_FINAL on the last one
makes a truncated file fail instead of reading as a shorter zip. MAGIC_2 is the additional
data of the first chunk, so the format line cannot be swapped.
"""

from typing import IO

from nacl import bindings as sodium
from nacl.exceptions import CryptoError
from nacl.public import PrivateKey, PublicKey, SealedBox

MAGIC_1 = b"VRIJWILLIGERS-APP-VERSLEUTELD-1\n"
MAGIC_2 = b"VRIJWILLIGERS-APP-VERSLEUTELD-2\n"
CHUNK = 64 * 1024
_ABYTES = sodium.crypto_secretstream_xchacha20poly1305_ABYTES
_HEADER = sodium.crypto_secretstream_xchacha20poly1305_HEADERBYTES
_SEALED_KEY = sodium.crypto_secretstream_xchacha20poly1305_KEYBYTES + sodium.crypto_box_SEALBYTES
_FINAL = sodium.crypto_secretstream_xchacha20poly1305_TAG_FINAL
_MESSAGE = sodium.crypto_secretstream_xchacha20poly1305_TAG_MESSAGE


class EncryptingWriter:
    """A write-only, unseekable file for ZipFile: what is written goes encrypted to `target`
    a chunk at a time. `close()` writes the final chunk (it does not close `target`)."""

    def __init__(self, target: IO[bytes], recipient: PublicKey) -> None:
        key = sodium.crypto_secretstream_xchacha20poly1305_keygen()
        self._state = sodium.crypto_secretstream_xchacha20poly1305_state()
        header = sodium.crypto_secretstream_xchacha20poly1305_init_push(self._state, key)
        target.write(MAGIC_2 + SealedBox(recipient).encrypt(key) + header)
        self._target = target
        self._pending = bytearray()
        self._written = 0
        self._first = True
        self.closed = False

    def _push(self, chunk: bytes, tag: int) -> None:
        ad = MAGIC_2 if self._first else None
        self._first = False
        self._target.write(sodium.crypto_secretstream_xchacha20poly1305_push(
            self._state, chunk, ad, tag))

    def write(self, data: bytes) -> int:
        self._pending += data
        self._written += len(data)
        if len(self._pending) >= CHUNK:
            view = memoryview(self._pending)
            whole = len(view) - len(view) % CHUNK
            for start in range(0, whole, CHUNK):
                self._push(bytes(view[start:start + CHUNK]), _MESSAGE)
            view.release()
            del self._pending[:whole]
        return len(data)

    def tell(self) -> int:
        return self._written

    def flush(self) -> None:
        """Nothing to flush: a chunk is written when it is whole."""

    def close(self) -> None:
        if not self.closed:
            self.closed = True
            self._push(bytes(self._pending), _FINAL)
            self._pending.clear()


REFUSED = ("Het versleutelde bestand is beschadigd of niet voor deze gemeentesleutel "
           "bestemd.")


def decrypt_stream(source: IO[bytes], target: IO[bytes], box_key: PrivateKey,
                   limit: int) -> int:
    """Decrypt a format-2 file from `source` (positioned after MAGIC_2) into `target` a
    chunk at a time; CryptoError (message REFUSED) when it is damaged, cut short, not for
    this key, or would decrypt to more than `limit` bytes. Returns the bytes written."""
    sealed_key = source.read(_SEALED_KEY)
    header = source.read(_HEADER)
    if len(sealed_key) != _SEALED_KEY or len(header) != _HEADER:
        raise CryptoError(REFUSED)
    key = SealedBox(box_key).decrypt(sealed_key)
    state = sodium.crypto_secretstream_xchacha20poly1305_state()
    sodium.crypto_secretstream_xchacha20poly1305_init_pull(state, header, key)
    written, first = 0, True
    while True:
        chunk = source.read(CHUNK + _ABYTES)
        if len(chunk) < _ABYTES:
            raise CryptoError(REFUSED)  # ended before the final chunk: cut short
        plain, tag = sodium.crypto_secretstream_xchacha20poly1305_pull(
            state, chunk, MAGIC_2 if first else None)
        first = False
        written += len(plain)
        if written > limit:
            raise CryptoError(REFUSED)
        target.write(plain)
        if tag == _FINAL:
            if source.read(1):
                raise CryptoError(REFUSED)  # bytes after the end
            return written
