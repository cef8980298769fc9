"""Answers compressed for clients that accept it, except those compressed already."""

from django.middleware import gzip


class GZipMiddleware(gzip.GZipMiddleware):
    """Django's, but a zip file (the open-data archive) goes out as it is: compressing it
    again saves nothing, costs the server time and loses its Content-Length, which
    download managers show progress with."""

    COMPRESSED = ("application/zip",)

    def process_response(self, request, response):
        if response.get("Content-Type", "").startswith(self.COMPRESSED):
            return response
        return super().process_response(request, response)
