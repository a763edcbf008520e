# The pool, constraints and runs move to the `pairing` app (ADR 0025): only Django's record of
# the models leaves programmes; the tables and their rows stay where they are.

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('programmes', '0008_pairing_run_decision_record'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.DeleteModel(name='PairingConstraint'),
                migrations.DeleteModel(name='PairingRun'),
                migrations.DeleteModel(name='PoolMember'),
            ],
            database_operations=[],
        ),
    ]
