class Oops(Exception):
    def __str__(self):
        return "custom message with ünïcödé"

raise Oops()
