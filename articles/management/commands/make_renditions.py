"""Make the renditions that are missing: for images saved before renditions existed, or whose
renditions could not be made when they were saved (storage unreachable). Pages never make them."""

from django.core.management.base import BaseCommand
from django.db.models import Q

from articles.imagefields import make_renditions_for, rendition_fields
from articles.models import Article, Official, Organization


class Command(BaseCommand):
    help = (
        "Fill in the stored size of images saved without one, and make every missing rendition of the "
        "photos of articles, officials and organizations. Existing files are left alone."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Count what is missing; write nothing.")

    def handle(self, *args, dry_run=False, verbosity=1, **options):
        images = created = failed = 0
        for model in (Article, Official, Organization):
            for field in rendition_fields(model):
                with_file = model._default_manager.exclude(Q(**{field.name: ""}) | Q(**{field.name: None}))
                for instance in with_file.iterator(chunk_size=200):
                    images += 1
                    try:
                        if not getattr(instance, field.width_field):
                            field.update_dimension_fields(instance, force=True)
                            if not dry_run:
                                instance.save(update_fields=[field.width_field, field.height_field])
                        if dry_run:
                            continue
                        made = make_renditions_for(instance)
                    except (OSError, ValueError) as error:
                        failed += 1
                        self.stderr.write(f"{model._meta.label} {instance.pk}: {error}")
                        continue
                    created += len(made)
                    if verbosity >= 2 and made:
                        self.stdout.write(f"{model._meta.label} {instance.pk}: {len(made)} files")
        summary = f"{images} images, {created} renditions made, {failed} failed"
        self.stdout.write(self.style.SUCCESS(summary + (" (dry run)" if dry_run else "")))
        if failed:
            raise SystemExit(1)
