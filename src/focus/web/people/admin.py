"""People and their records are deliberately not in the Django admin.

Personal data leaves Focus only through a door that checks role and agency and writes an audit
event; the admin does neither, so it shows none of it.
"""

from __future__ import annotations
