"""``completion bash|zsh|fish``: a shell completion script, generated from the parser itself.

The script completes commands, subcommands, options, the values of options with a fixed set of choices
(``--format``, ``--layout``, ...) and file names elsewhere. It is generated from the same parser the command
runs with, so it never drifts from it. Install it once:

- bash: ``policeframeworks completion bash > ~/.local/share/bash-completion/completions/policeframeworks``
- zsh: ``policeframeworks completion zsh > ~/.zfunc/_policeframeworks`` (with ``fpath+=~/.zfunc`` before
  ``compinit`` in ``~/.zshrc``)
- fish: ``policeframeworks completion fish > ~/.config/fish/completions/policeframeworks.fish``
"""

from __future__ import annotations

import argparse
import re
from collections.abc import Iterator

from ._common import EXIT_OK, CommandGroup, Console, Parser

#: The shells a script can be generated for.
SHELLS = ("bash", "zsh", "fish")
PROG = "policeframeworks"


def register(commands: CommandGroup) -> None:
    """Add ``completion``."""
    p = commands.add(
        "completion",
        help="print a shell completion script (bash, zsh or fish)",
        description="Print the completion script for SHELL, generated from this command's parser. "
        "bash: save it as ~/.local/share/bash-completion/completions/policeframeworks; zsh: as "
        "_policeframeworks in a folder of your fpath; fish: as "
        "~/.config/fish/completions/policeframeworks.fish.",
        handler=cmd_completion,
    )
    p.add_argument("shell", metavar="SHELL", choices=SHELLS, help="bash, zsh or fish")


def cmd_completion(args: argparse.Namespace, console: Console) -> int:
    """Print the completion script for ``args.shell``."""
    generate = {"bash": bash_script, "zsh": zsh_script, "fish": fish_script}[args.shell]
    root: Parser = args.root_parser
    console.data(generate(root))
    return EXIT_OK


class Option:
    """An option as completion sees it: its spellings, help, whether it takes a value and its choices."""

    def __init__(self, action: argparse.Action) -> None:
        self.names = [_word(s) for s in action.option_strings]
        self.help = action.help or ""
        self.takes_value = action.nargs != 0
        self.choices = [_word(str(c)) for c in action.choices] if action.choices is not None else []


class Node:
    """One parser of the tree: its command path, its options, its subcommands (name and help)."""

    def __init__(self, path: tuple[str, ...], parser: Parser) -> None:
        self.path = path
        self.options = [
            Option(a) for a in parser.arguments if a.option_strings and a.help != argparse.SUPPRESS
        ]
        group = parser.commands
        self.commands = {_word(n): group.helps[n] for n in group.parsers} if group is not None else {}
        self.positional_choices = [
            _word(str(c)) for a in parser.arguments if not a.option_strings and a.choices for c in a.choices
        ]


def walk(parser: Parser, path: tuple[str, ...] = ()) -> Iterator[Node]:
    """Every parser of the tree, depth first, the root first.

    Example:
        >>> from policeframeworks.cli import build_parser
        >>> nodes = list(walk(build_parser()))
        >>> nodes[0].path, "assess" in nodes[0].commands
        ((), True)
        >>> ("assess", "score") in [n.path for n in nodes]
        True
    """
    yield Node(path, parser)
    if parser.commands is not None:
        for name, child in parser.commands.parsers.items():
            yield from walk(child, (*path, name))


_SAFE = re.compile(r"[A-Za-z0-9_.:/+-]+")


def _word(text: str) -> str:
    """A command, option or choice as written into a script: only characters no shell treats specially."""
    if not _SAFE.fullmatch(text):
        raise ValueError(f"{text!r} cannot be written into a completion script")
    return text


def _single_quoted(text: str) -> str:
    """``text`` in single quotes for bash, zsh or fish (an embedded quote closed, escaped and reopened)."""
    return "'" + text.replace("\\", "\\\\").replace("'", "'\\''") + "'"


def _fish_quoted(text: str) -> str:
    return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'"


def _path_cases(nodes: list[Node], indent: str) -> list[str]:
    """The ``case`` arms (bash and zsh alike) that follow the command path word by word."""
    lines = [f'{indent}case "$cmdpath" in']
    for node in nodes:
        if node.commands:
            key = " ".join(node.path)
            joined = "|".join(node.commands)
            prefix = f"{key} " if key else ""
            lines.append(f'{indent}    "{key}") case "$w" in {joined}) cmdpath="{prefix}$w" ;; esac ;;')
    lines.append(f"{indent}esac")
    return lines


def bash_script(parser: Parser) -> str:
    """A bash completion script for the parser's command tree.

    Example:
        >>> from policeframeworks.cli import build_parser
        >>> script = bash_script(build_parser())
        >>> script.splitlines()[-1]
        'complete -o default -F _policeframeworks policeframeworks'
    """
    nodes = list(walk(parser))
    lines = [
        f"# bash completion for {PROG}, generated by '{PROG} completion bash'.",
        f"_{PROG}() {{",
        '    local cur="${COMP_WORDS[COMP_CWORD]}" prev="${COMP_WORDS[COMP_CWORD-1]}"',
        '    local cmdpath="" w i opts="" cmds=""',
        "    for ((i = 1; i < COMP_CWORD; i++)); do",
        '        w="${COMP_WORDS[i]}"',
        *_path_cases(nodes, "        "),
        "    done",
        '    case "$cmdpath:$prev" in',
    ]
    for node in nodes:
        key = " ".join(node.path)
        for opt in node.options:
            if opt.choices:
                for name in opt.names:
                    words = " ".join(opt.choices)
                    lines.append(
                        f'        "{key}:{name}") COMPREPLY=($(compgen -W "{words}" -- "$cur")); return ;;'
                    )
            elif opt.takes_value:
                for name in opt.names:  # a value: files (complete -o default), or whatever the user types
                    lines.append(f'        "{key}:{name}") COMPREPLY=(); return ;;')
    lines += ["    esac", '    case "$cmdpath" in']
    for node in nodes:
        key = " ".join(node.path)
        opts = " ".join(name for opt in node.options for name in opt.names)
        cmds = " ".join([*node.commands, *node.positional_choices])
        lines.append(f'        "{key}") opts="{opts}"; cmds="{cmds}" ;;')
    lines += [
        "    esac",
        '    if [[ "$cur" == -* ]]; then',
        '        COMPREPLY=($(compgen -W "$opts" -- "$cur"))',
        '    elif [[ -n "$cmds" ]]; then',
        '        COMPREPLY=($(compgen -W "$cmds" -- "$cur"))',
        "    fi",
        "}",
        f"complete -o default -F _{PROG} {PROG}",
    ]
    return "\n".join(lines) + "\n"


def _zsh_spec(name: str, text: str) -> str:
    """A ``name:description`` item for ``_describe``, quoted (a colon in the name escaped)."""
    return _single_quoted(f"{name.replace(':', chr(92) + ':')}:{' '.join(text.split())}")


def zsh_script(parser: Parser) -> str:
    """A zsh completion function (``#compdef``) for the parser's command tree, with descriptions.

    Example:
        >>> from policeframeworks.cli import build_parser
        >>> zsh_script(build_parser()).splitlines()[0]
        '#compdef policeframeworks'
    """
    nodes = list(walk(parser))
    lines = [
        f"#compdef {PROG}",
        f"# zsh completion for {PROG}, generated by '{PROG} completion zsh'.",
        f"_{PROG}() {{",
        '    local cmdpath="" w i',
        "    local -a items",
        "    for ((i = 2; i < CURRENT; i++)); do",
        '        w="${words[i]}"',
        *_path_cases(nodes, "        "),
        "    done",
        '    case "$cmdpath:${words[CURRENT-1]}" in',
    ]
    for node in nodes:
        key = " ".join(node.path)
        for opt in node.options:
            if not opt.takes_value:
                continue
            action = f"compadd -- {' '.join(opt.choices)}" if opt.choices else "_files"
            for name in opt.names:
                lines.append(f'        "{key}:{name}") {action}; return ;;')
    lines += ["    esac", '    case "$cmdpath" in']
    for node in nodes:
        key = " ".join(node.path)
        lines.append(f'        "{key}")')
        lines.append('            if [[ "${words[CURRENT]}" == -* ]]; then')
        specs = " ".join(_zsh_spec(name, opt.help) for opt in node.options for name in opt.names)
        lines.append(f"                items=({specs})")
        lines.append("                _describe option items")
        if node.commands or node.positional_choices:
            specs = " ".join(
                [
                    *(_zsh_spec(n, h) for n, h in node.commands.items()),
                    *(_zsh_spec(c, c) for c in node.positional_choices),
                ]
            )
            lines += [
                "            else",
                f"                items=({specs})",
                "                _describe command items",
            ]
        else:
            lines += ["            else", "                _files"]
        lines += ["            fi", "            ;;"]
    lines += ["    esac", "}", "", f'_{PROG} "$@"']
    return "\n".join(lines) + "\n"


def fish_script(parser: Parser) -> str:
    """Fish ``complete`` commands for the parser's command tree, with descriptions.

    Example:
        >>> from policeframeworks.cli import build_parser
        >>> "-a assess " in fish_script(build_parser())
        True
    """
    nodes = list(walk(parser))
    by_path = {node.path: node for node in nodes}
    lines = [f"# fish completion for {PROG}, generated by '{PROG} completion fish'."]
    for node in nodes:
        condition = _fish_condition(node.path, by_path)
        for name, text in node.commands.items():
            lines.append(
                f"complete -c {PROG} -n {_fish_quoted(condition)} -f -a {name} "
                f"-d {_fish_quoted(' '.join(text.split()))}"
            )
        for choice in node.positional_choices:
            lines.append(f"complete -c {PROG} -n {_fish_quoted(condition)} -f -a {choice}")
        for opt in node.options:
            spellings = " ".join(f"-l {n[2:]}" if n.startswith("--") else f"-s {n[1:]}" for n in opt.names)
            value = (
                f" -x -a {_fish_quoted(' '.join(opt.choices))}"
                if opt.choices
                else " -r"
                if opt.takes_value
                else ""
            )
            text = _fish_quoted(" ".join(opt.help.split()))
            lines.append(f"complete -c {PROG} -n {_fish_quoted(condition)} {spellings}{value} -d {text}")
    return "\n".join(lines) + "\n"


def _fish_condition(path: tuple[str, ...], by_path: dict[tuple[str, ...], Node]) -> str:
    """Fish's test that the command line is at ``path``: its words seen, no subcommand of it yet."""
    if not path:
        return "__fish_use_subcommand"
    seen = [f"__fish_seen_subcommand_from {word}" for word in path]
    below = by_path[path].commands
    if below:
        seen.append(f"not __fish_seen_subcommand_from {' '.join(below)}")
    return "; and ".join(seen)
