"""`python -m bot` starts the Discord bot, like `whosaid run`."""

from bot.discord_app import main

main()
