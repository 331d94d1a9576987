# An operator's own German wording (config.json: "messages": {"de": "…/operator-de.ftl"}):
# each message here replaces the shipped one of that id; the rest stay as shipped.
connect = Jetzt verbinden
cancel = Nicht verbinden
# A broken message (an unclosed placeholder): the page keeps the shipped one.
applying = Wird { $
