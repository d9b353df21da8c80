"""kombu's filesystem transport (the embedded default broker), with messages written atomically.

kombu writes a message straight into the queue folder under its final ``.msg`` name, then fills
it; a worker polling at that moment moves the file away and reads it empty, and dies on a
``JSONDecodeError`` ("Unrecoverable error"): the test suite's worker did, now and then, under
load. Here the message is written under a name no consumer reads, then renamed into place: a
consumer sees a whole message or none. Registered in place of kombu's own ``filesystem``
transport by ``welfare/celery.py``; production brokers (Redis) are not concerned.
"""

import os
import uuid
from time import monotonic

from kombu.exceptions import ChannelError
from kombu.transport import filesystem
from kombu.utils.encoding import str_to_bytes
from kombu.utils.json import dumps


class Channel(filesystem.Channel):
    def _put(self, queue, payload, **kwargs):
        name = f"{int(round(monotonic() * 1000))}_{uuid.uuid4()}.{queue}.msg"
        # No dot in the temporary name: consumers take only "<…>.<queue>.msg".
        partial = os.path.join(self.data_folder_out, f"partial_{uuid.uuid4().hex}")
        try:
            with open(partial, "wb") as handle:
                handle.write(str_to_bytes(dumps(payload)))
            os.replace(partial, os.path.join(self.data_folder_out, name))
        except OSError as error:
            raise ChannelError(f"Cannot add file {name!r} to directory") from error


class Transport(filesystem.Transport):
    Channel = Channel
