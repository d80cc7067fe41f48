"""The steps of the intake flow (one page each) and the state they share."""
