"""Our own aiohttp web parts: the demo page with the chat widget and the public trial API."""
