"""The PySide6 desktop interface. Reaches data only through `custody.services` via an AppContext."""
