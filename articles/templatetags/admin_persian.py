"""Filters for the admin's own templates (templates/admin/)."""

from django import template

from articles import admin_display

register = template.Library()
register.filter("readonly_contents", admin_display.readonly_contents)
register.filter("message_text", admin_display.message_text)
