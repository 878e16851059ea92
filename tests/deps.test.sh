# Stage dependencies point one way and library headers stay in their stage.
sh tests/check-deps.sh
