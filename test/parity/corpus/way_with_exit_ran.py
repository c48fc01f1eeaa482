class Resource:
    def __enter__(self):
        print("opened")
        return self

    def __exit__(self, kind, value, tb):
        print("closed after", kind.__name__)
        return False


def work():
    with Resource():
        raise ValueError("inside the with block")


work()
