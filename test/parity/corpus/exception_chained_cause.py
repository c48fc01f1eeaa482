def load(path):
    raise FileNotFoundError(2, "No such file or directory", path)

def read_config():
    try:
        load("settings.ini")
    except OSError as e:
        raise RuntimeError("could not read the configuration") from e

read_config()
