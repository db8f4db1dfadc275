"""The Dash web app: wiring and presentation only, logic lives in presenters."""
