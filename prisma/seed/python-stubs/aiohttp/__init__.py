"""A stand-in for the small part of aiohttp that the concurrency guide's examples use. NOT aiohttp.

The guide's asyncio example is written for aiohttp, because that is what readers use. The
machines that run HiveBrain's tests have no aiohttp and cannot reach PyPI, so
prisma/seed/concurrency-guide-examples.test.ts puts this folder on PYTHONPATH, only when
`import aiohttp` fails: where aiohttp is installed, the examples run against the real library.

What it keeps of aiohttp's documented behaviour, so that an example that misuses the API fails:
- ClientSession is an async context manager; session.get(url) returns an object that is both
  awaitable and an async context manager (aiohttp's _RequestContextManager);
- TCPConnector(limit=N) opens at most N connections at once (default 100, 0 for no limit); a
  request waits for a free connection, and a response holds its connection until its body has
  been read or it is released (leaving `async with`, release());
- text() and read() read the body; reading after the response was released raises
  ClientConnectionError; raise_for_status() raises ClientResponseError for 4xx and 5xx.
Requests are real HTTP/1.1 over asyncio streams in the event loop's thread (no threads), to plain
http URLs only (the test's local server); each connection serves one request.
"""
import asyncio
from urllib.parse import urlsplit


class ClientError(Exception):
    pass


class ClientConnectionError(ClientError):
    pass


class ClientResponseError(ClientError):
    def __init__(self, status, message, url):
        super().__init__(f"{status}, message={message!r}, url={url!r}")
        self.status = status
        self.message = message
        self.url = url


class ClientTimeout:
    def __init__(self, total=None, **_other):
        self.total = total


class TCPConnector:
    def __init__(self, *, limit=100, limit_per_host=0, **_other):
        self.limit = limit
        self._slots = None

    def _acquire_slots(self):
        if self._slots is None and self.limit:
            self._slots = asyncio.Semaphore(self.limit)
        return self._slots


class ClientSession:
    def __init__(self, *, connector=None, timeout=None, **_other):
        self._connector = connector or TCPConnector()
        self._open = set()
        self.closed = False

    async def __aenter__(self):
        return self

    async def __aexit__(self, *exc_info):
        await self.close()

    async def close(self):
        for response in list(self._open):
            response.release()
        self.closed = True

    def get(self, url, **_other):
        return _RequestContextManager(self._request("GET", str(url)))

    async def _request(self, method, url):
        if self.closed:
            raise RuntimeError("Session is closed")
        parts = urlsplit(url)
        if parts.scheme != "http":
            raise ClientConnectionError(f"this stand-in for aiohttp speaks plain http only, not {url}")
        slots = self._connector._acquire_slots()
        if slots:
            await slots.acquire()
        try:
            reader, writer = await asyncio.open_connection(parts.hostname, parts.port or 80)
            target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
            request = f"{method} {target} HTTP/1.1\r\nHost: {parts.netloc}\r\nConnection: close\r\n\r\n"
            writer.write(request.encode("latin-1"))
            await writer.drain()
            _version, status, *reason = (await reader.readline()).decode("latin-1").rstrip("\r\n").split(" ", 2)
            headers = {}
            while (line := await reader.readline()) not in (b"\r\n", b"\n", b""):
                name, _, value = line.decode("latin-1").partition(":")
                headers[name.strip().lower()] = value.strip()
        except BaseException:
            if slots:
                slots.release()
            raise
        response = ClientResponse(self, url, int(status), " ".join(reason), headers, reader, writer, slots)
        self._open.add(response)
        return response


class _RequestContextManager:
    def __init__(self, coro):
        self._coro = coro
        self._response = None

    def __await__(self):
        return self._coro.__await__()

    async def __aenter__(self):
        self._response = await self._coro
        return self._response

    async def __aexit__(self, *exc_info):
        self._response.release()


class ClientResponse:
    def __init__(self, session, url, status, reason, headers, reader, writer, slots):
        self.url = url
        self.status = status
        self.reason = reason
        self.headers = headers
        self._session = session
        self._reader = reader
        self._writer = writer
        self._slots = slots
        self._body = None
        self._released = False

    def raise_for_status(self):
        if self.status >= 400:
            raise ClientResponseError(self.status, self.reason, self.url)

    async def read(self):
        if self._body is None:
            if self._released:
                raise ClientConnectionError("Connection closed")
            if "chunked" in self.headers.get("transfer-encoding", ""):
                raise ClientConnectionError("this stand-in for aiohttp does not read chunked bodies")
            length = self.headers.get("content-length")
            self._body = await (self._reader.readexactly(int(length)) if length else self._reader.read())
            self.release()
        return self._body

    async def text(self, encoding="utf-8"):
        return (await self.read()).decode(encoding)

    def release(self):
        if not self._released:
            self._released = True
            self._writer.close()
            if self._slots:
                self._slots.release()
            self._session._open.discard(self)

    close = release
